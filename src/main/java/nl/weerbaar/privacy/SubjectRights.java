package nl.weerbaar.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.weerbaar.privacy.PrivacyEvents.ErasureDecided;
import nl.weerbaar.privacy.PrivacyEvents.ErasureRequested;
import nl.weerbaar.privacy.PrivacyEvents.SubjectDataExported;
import nl.weerbaar.privacy.internal.Keyring;
import nl.weerbaar.privacy.internal.Shredder;
import nl.weerbaar.shared.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's rights over their data: an export of everything Weerbaar holds about them (AVG art. 15), and erasure
 * (art. 17), which one coordinator starts and a second coordinator or an administrator approves.
 */
@Service
public class SubjectRights {

	/** Everything held about one person, section by section (one per module). */
	public record SubjectExport(SubjectId subject, Instant generatedAt, Map<String, Map<String, Object>> sections) {
	}

	public enum ErasureStatus {
		REQUESTED, APPROVED, REJECTED
	}

	public record ErasureRequest(UUID id, SubjectId subject, ErasureReason reason, UUID requestedBy,
			Instant requestedAt, ErasureStatus status, UUID decidedBy, Instant decidedAt) {
	}

	/** Refused for a reason the person asking can understand; {@code code} names it. */
	public static class ErasureRefused extends RuntimeException {

		private final String code;

		public ErasureRefused(String code, String message) {
			super(message);
			this.code = code;
		}

		public String code() {
			return code;
		}
	}

	private final JdbcClient jdbc;
	private final List<PersonalDataSource> sources;
	private final Keyring keyring;
	private final Shredder shredder;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SubjectRights(JdbcClient jdbc, List<PersonalDataSource> sources, Keyring keyring, Shredder shredder,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.sources = sources;
		this.keyring = keyring;
		this.shredder = shredder;
		this.events = events;
		this.clock = clock;
	}

	/** True when Weerbaar holds, or held, data about this person. */
	@Transactional(readOnly = true)
	public boolean isKnown(SubjectId subject) {
		return isStored(subject) || sources.stream().anyMatch(source -> !source.export(subject).isEmpty());
	}

	/** True when the privacy module itself keeps something about the person (a key or a retention record). */
	private boolean isStored(SubjectId subject) {
		return jdbc.sql("""
				select exists (select 1 from data_subject where id = :id)
				    or exists (select 1 from keyring.data_key where subject_id = :id)""")
			.param("id", subject.value())
			.query(Boolean.class)
			.single();
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('COORDINATOR')")
	public Optional<SubjectExport> export(SubjectId subject, Actor by) {
		Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
		for (PersonalDataSource source : sources) {
			sections.put(source.section(), source.export(subject));
		}
		if (!isStored(subject) && sections.values().stream().allMatch(Map::isEmpty)) {
			return Optional.empty();
		}
		sections.put("privacy", privacySection(subject));
		events.publishEvent(new SubjectDataExported(subject, by.id(), by.role()));
		return Optional.of(new SubjectExport(subject, clock.instant(), sections));
	}

	@Transactional
	@PreAuthorize("hasRole('COORDINATOR')")
	public ErasureRequest requestErasure(SubjectId subject, ErasureReason reason, Actor by) {
		if (!isKnown(subject)) {
			throw new ErasureRefused("UNKNOWN_SUBJECT", "No data is held about this person.");
		}
		if (keyring.isDestroyed(subject)) {
			throw new ErasureRefused("ALREADY_ERASED", "This person's data has already been erased.");
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					insert into erasure_request (id, subject_id, reason, requested_by, requested_at, status)
					values (?, ?, ?, ?, ?, 'REQUESTED')""")
				.params(id, subject.value(), reason.name(), by.id(), Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException alreadyOpen) {
			throw new ErasureRefused("ALREADY_REQUESTED", "An erasure of this person already awaits approval.");
		}
		events.publishEvent(new ErasureRequested(id, subject, reason, by.id(), by.role()));
		return new ErasureRequest(id, subject, reason, by.id(), now, ErasureStatus.REQUESTED, null, null);
	}

	/**
	 * A second person approves: the data key is destroyed at once, and so are the keys of what modules keep about the
	 * person under keys of its own (their support requests). Whoever asked cannot approve.
	 */
	@Transactional
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	public ErasureRequest approve(UUID requestId, Actor by) {
		ErasureRequest request = decide(requestId, by, ErasureStatus.APPROVED);
		shredder.shred(request.subject(), "ERASURE", by.id());
		for (PersonalDataSource source : sources) {
			source.dependents(request.subject()).forEach(dependent -> shredder.shred(dependent, "ERASURE", by.id()));
		}
		return request;
	}

	@Transactional
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	public ErasureRequest reject(UUID requestId, Actor by) {
		return decide(requestId, by, ErasureStatus.REJECTED);
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	public List<ErasureRequest> pending() {
		return jdbc.sql("select * from erasure_request where status = 'REQUESTED' order by requested_at")
			.query((rs, row) -> request(rs))
			.list();
	}

	private ErasureRequest decide(UUID requestId, Actor by, ErasureStatus decision) {
		ErasureRequest request = jdbc.sql("select * from erasure_request where id = ? for update")
			.param(requestId)
			.query((rs, row) -> request(rs))
			.optional()
			.orElseThrow(() -> new ErasureRefused("NOT_FOUND", "No such erasure request."));
		if (request.status() != ErasureStatus.REQUESTED) {
			throw new ErasureRefused("ALREADY_DECIDED", "This erasure request was already decided.");
		}
		if (request.requestedBy().equals(by.id())) {
			throw new ErasureRefused("FOUR_EYES", "Someone other than the person who asked must decide.");
		}
		if (decision == ErasureStatus.APPROVED && jdbc.sql("select legal_hold from data_subject where id = ?")
			.param(request.subject().value())
			.query(Boolean.class)
			.optional()
			.orElse(false)) {
			throw new ErasureRefused("LEGAL_HOLD", "A legal hold keeps this person's data; release it first.");
		}
		Instant now = clock.instant();
		jdbc.sql("update erasure_request set status = ?, decided_by = ?, decided_at = ? where id = ?")
			.params(decision.name(), by.id(), Timestamp.from(now), requestId)
			.update();
		events.publishEvent(new ErasureDecided(requestId, request.subject(), decision == ErasureStatus.APPROVED,
				by.id(), by.role()));
		return new ErasureRequest(request.id(), request.subject(), request.reason(), request.requestedBy(),
				request.requestedAt(), decision, by.id(), now);
	}

	private Map<String, Object> privacySection(SubjectId subject) {
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("dataKey", keyring.isDestroyed(subject) ? "destroyed" : "present");
		jdbc.sql("select retention_kind, retain_until, legal_hold, shredded_at from data_subject where id = ?")
			.param(subject.value())
			.query(rs -> {
				section.put("retentionKind", rs.getString("retention_kind"));
				Timestamp until = rs.getTimestamp("retain_until");
				section.put("retainUntil", until == null ? null : until.toInstant().toString());
				section.put("legalHold", rs.getBoolean("legal_hold"));
				Timestamp shredded = rs.getTimestamp("shredded_at");
				section.put("shreddedAt", shredded == null ? null : shredded.toInstant().toString());
			});
		return section;
	}

	private static ErasureRequest request(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new ErasureRequest(rs.getObject("id", UUID.class), new SubjectId(rs.getObject("subject_id", UUID.class)),
				ErasureReason.valueOf(rs.getString("reason")), rs.getObject("requested_by", UUID.class),
				rs.getTimestamp("requested_at").toInstant(), ErasureStatus.valueOf(rs.getString("status")),
				rs.getObject("decided_by", UUID.class), decided == null ? null : decided.toInstant());
	}
}
