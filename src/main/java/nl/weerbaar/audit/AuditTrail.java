package nl.weerbaar.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;
import nl.weerbaar.audit.internal.AuditPool;
import nl.weerbaar.audit.internal.AuditShipper;
import nl.weerbaar.platform.ClientAddress;
import nl.weerbaar.shared.AuditEntry;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail: appends records in one serialised order (a row lock on the chain head), each hash-chained to the
 * one before, and reads, verifies and exports them.
 */
@Service
public class AuditTrail {

	private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
	private static final char SEPARATOR = '\u001f';
	private static final HexFormat HEX = HexFormat.of();

	private final JdbcClient jdbc;
	private final JdbcTemplate streaming;
	private final AuditPool pool;
	private final AuditShipper shipper;
	private final Clock clock;

	AuditTrail(JdbcClient jdbc, DataSource dataSource, AuditPool pool, AuditShipper shipper, Clock clock) {
		this.jdbc = jdbc;
		this.pool = pool;
		this.shipper = shipper;
		this.streaming = new JdbcTemplate(dataSource);
		// PostgreSQL streams with a cursor (inside the read-only transaction) instead of loading the whole trail
		this.streaming.setFetchSize(10_000);
		this.clock = clock;
	}

	/**
	 * Appends a record in a transaction of its own on the trail's own pool, so that it stays even when the work it
	 * records is rolled back (a refusal usually is), and so that recording never waits for a second connection from
	 * the pool the caller holds one of. If it cannot be written, the caller gets the exception (fail closed).
	 */
	public long append(AuditEntry entry) {
		// someone not signed in (the public form, a receipt code) leaves no address: it would tie a third party's
		// words to a network; a module that needs the address (a failed sign-in) gives it itself
		String origin = entry.origin() != null ? entry.origin() : entry.actorId() == null ? null : currentOrigin();
		Appended appended = pool.inTransaction(jdbc -> {
			Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
			Head head = jdbc.sql("select seq, hash from audit_head where id = 1 for update")
				.query((rs, row) -> new Head(rs.getLong("seq"), rs.getBytes("hash")))
				.single();
			long seq = head.seq() + 1;
			String result = entry.allowed() ? "ALLOWED" : "DENIED";
			byte[] hash = hash(head.hash(), canonical(seq, now, entry.actorId(), entry.actorRole(), entry.action(),
					entry.objectType(), entry.objectId(), result, origin));
			jdbc.sql("""
					insert into audit_event (seq, occurred_at, actor_id, actor_role, action, object_type, object_id, result,
					                         origin, previous_hash, hash)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(seq, Timestamp.from(now), entry.actorId(), entry.actorRole(), entry.action(), entry.objectType(),
						entry.objectId(), result, origin, head.hash(), hash)
				.update();
			jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1").params(seq, hash).update();
			return new Appended(seq, now, head.hash(), hash, result);
		});
		// committed: now it may leave the host (never blocks, never fails the caller)
		shipper.record(appended.seq(), appended.occurredAt(), entry.actorId(), entry.actorRole(), entry.action(),
				entry.objectType(), entry.objectId(), appended.result(), HEX.formatHex(appended.previousHash()),
				HEX.formatHex(appended.hash()));
		return appended.seq();
	}

	@Transactional(readOnly = true)
	public Page<AuditRecord> search(AuditQuery query, Pageable pageable) {
		Filter filter = filter(query);
		long total = jdbc.sql("select count(*) from audit_event" + filter.where())
			.params(filter.params())
			.query(Long.class)
			.single();
		List<Object> params = new ArrayList<>(filter.params());
		params.add(pageable.getPageSize());
		params.add(pageable.getOffset());
		List<AuditRecord> records = jdbc.sql("select * from audit_event" + filter.where() + " order by seq desc limit ? offset ?")
			.params(params)
			.query(AuditTrail::record)
			.list();
		return new PageImpl<>(records, pageable, total);
	}

	/** Writes the matching records as CSV, oldest first. The caller records the export itself (before it starts). */
	@Transactional(readOnly = true)
	public void exportCsv(AuditQuery query, Writer out) {
		Filter filter = filter(query);
		try {
			out.write("seq,occurred_at,actor_id,actor_role,action,object_type,object_id,result,origin,hash\r\n");
			streaming.query("select * from audit_event" + filter.where() + " order by seq", (ResultSet rs) -> {
				AuditRecord r = record(rs, 0);
				try {
					out.write(r.seq() + "," + r.occurredAt() + "," + csv(r.actorId()) + "," + csv(r.actorRole()) + ","
							+ csv(r.action()) + "," + csv(r.objectType()) + "," + csv(r.objectId()) + "," + r.result()
							+ "," + csv(r.origin()) + "," + r.hash() + "\r\n");
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}, filter.params().toArray());
			out.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Walks the whole chain, oldest first, and reports the first record that does not fit. */
	@Transactional(readOnly = true)
	public Verification verify() {
		return verify(new TreeMap<>());
	}

	/**
	 * Walks the whole chain as {@link #verify()} does, and also checks it against heads anchored outside the database
	 * (seq to hash in hex, e.g. from the shipped stream): a chain rewritten whole, with every hash recomputed, is
	 * intact in itself but no longer has the anchored hash at the anchored seq, or ends before an anchored seq.
	 */
	@Transactional(readOnly = true)
	public Verification verify(SortedMap<Long, String> anchors) {
		Head recorded = jdbc.sql("select seq, hash from audit_head where id = 1")
			.query((rs, row) -> new Head(rs.getLong("seq"), rs.getBytes("hash")))
			.single();
		Walk walk = new Walk();
		streaming.query("select * from audit_event order by seq", (ResultSet rs) -> {
			if (walk.broken != null) {
				return;
			}
			long seq = rs.getLong("seq");
			byte[] previous = rs.getBytes("previous_hash");
			byte[] stored = rs.getBytes("hash");
			walk.checked++;
			if (seq != walk.seq + 1) {
				walk.fail(walk.seq + 1, "missing record(s) before " + seq);
				return;
			}
			if (!MessageDigest.isEqual(previous, walk.hash)) {
				walk.fail(seq, "previous hash does not match the record before");
				return;
			}
			Instant occurredAt = rs.getTimestamp("occurred_at").toInstant();
			byte[] computed = hash(walk.hash, canonical(seq, occurredAt, rs.getObject("actor_id", UUID.class),
					rs.getString("actor_role"), rs.getString("action"), rs.getString("object_type"),
					rs.getString("object_id"), rs.getString("result"), rs.getString("origin")));
			if (!MessageDigest.isEqual(computed, stored)) {
				walk.fail(seq, "content does not match its hash");
				return;
			}
			String anchored = anchors.get(seq);
			if (anchored != null && !MessageDigest.isEqual(HEX.parseHex(anchored), stored)) {
				walk.fail(seq, "hash differs from the one anchored outside the database: the chain was rewritten");
				return;
			}
			walk.seq = seq;
			walk.hash = stored;
		});
		if (walk.broken == null && !anchors.isEmpty() && anchors.lastKey() > walk.seq) {
			walk.fail(walk.seq + 1, "the chain ends at " + walk.seq + " but seq " + anchors.lastKey()
					+ " was anchored outside the database");
		}
		if (walk.broken == null && (walk.seq != recorded.seq() || !MessageDigest.isEqual(walk.hash, recorded.hash()))) {
			walk.fail(walk.seq + 1, "the chain ends at " + walk.seq + " but its head says " + recorded.seq());
		}
		return new Verification(walk.broken == null, walk.checked, walk.broken, walk.problem, recorded.seq(),
				HEX.formatHex(recorded.hash()));
	}

	/** The newest record's seq and hash in hex, to anchor outside the database. */
	public Verification head() {
		return jdbc.sql("select seq, hash from audit_head where id = 1")
			.query((rs, row) -> new Verification(true, 0, null, null, rs.getLong("seq"), HEX.formatHex(rs.getBytes("hash"))))
			.single();
	}

	static String canonical(long seq, Instant occurredAt, UUID actorId, String actorRole, String action,
			String objectType, String objectId, String result, String origin) {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt);
		return String.join(String.valueOf(SEPARATOR), Long.toString(seq), Long.toString(micros),
				Objects.toString(actorId, ""), clean(actorRole), clean(action), clean(objectType), clean(objectId),
				clean(result), clean(origin));
	}

	static byte[] hash(byte[] previous, String canonical) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(previous);
			sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
			return sha256.digest();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}

	private static String clean(String value) {
		return value == null ? "" : value.replace(SEPARATOR, ' ');
	}

	/**
	 * One CSV field: RFC 4180 (2.6, 2.7) quoting for commas, quotes and line breaks, and a leading quote before a
	 * character that would make a spreadsheet read the field as a formula (ASVS 5.0 V1.2.10).
	 */
	static String csv(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r\0".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		boolean quote = text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\'' || c == '\r' || c == '\n');
		return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

	private static String currentOrigin() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return ClientAddress.of(request);
		}
		return null;
	}

	private static AuditRecord record(ResultSet rs, int row) throws SQLException {
		return new AuditRecord(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getObject("actor_id", UUID.class), rs.getString("actor_role"), rs.getString("action"),
				rs.getString("object_type"), rs.getString("object_id"), rs.getString("result"), rs.getString("origin"),
				HEX.formatHex(rs.getBytes("hash")));
	}

	private static Filter filter(AuditQuery query) {
		List<String> conditions = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (query.actorId() != null) {
			conditions.add("actor_id = ?");
			params.add(query.actorId());
		}
		if (query.objectType() != null && !query.objectType().isBlank()) {
			conditions.add("object_type = ?");
			params.add(query.objectType().strip());
		}
		if (query.objectId() != null && !query.objectId().isBlank()) {
			conditions.add("object_id = ?");
			params.add(query.objectId().strip());
		}
		if (query.from() != null) {
			conditions.add("occurred_at >= ?");
			params.add(Timestamp.from(query.from().atStartOfDay(AMSTERDAM).toInstant()));
		}
		if (query.to() != null) {
			conditions.add("occurred_at < ?");
			params.add(Timestamp.from(query.to().plusDays(1).atStartOfDay(AMSTERDAM).toInstant()));
		}
		return new Filter(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
	}

	private record Head(long seq, byte[] hash) {
	}

	private record Appended(long seq, Instant occurredAt, byte[] previousHash, byte[] hash, String result) {
	}

	private record Filter(String where, List<Object> params) {
	}

	private static final class Walk {

		long seq;
		byte[] hash = new byte[32];
		long checked;
		Long broken;
		String problem;

		void fail(long seq, String problem) {
			this.broken = seq;
			this.problem = problem;
		}
	}
}
