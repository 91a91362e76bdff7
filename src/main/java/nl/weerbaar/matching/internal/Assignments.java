package nl.weerbaar.matching.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.weerbaar.matching.AssignmentStatus;
import nl.weerbaar.matching.DeclineReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Proposals and assignments in plain SQL; the facade decides, this stores. */
@Component
public class Assignments {

	public record Row(UUID id, UUID requestId, UUID supporterId, UUID officeHolderId, AssignmentStatus status, int score,
			Instant proposedAt, Instant expiresAt, Instant answeredAt, DeclineReason declineReason) {
	}

	/** A supporter's load and history: live proposals and cases, cases seen through, people supported. */
	public record Stats(int open, int closed, Set<UUID> supported) {

		static final Stats NONE = new Stats(0, 0, Set.of());
	}

	private final JdbcClient jdbc;

	Assignments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Serialises everything that changes one supporter's load, across nodes, until the transaction ends. */
	public void lockSupporter(UUID supporter) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('supporter:' || ?))").param(supporter.toString()).query().listOfRows();
	}

	public void insert(UUID id, UUID request, UUID supporter, UUID officeHolder, int score, Instant at, UUID by, Instant expires) {
		jdbc.sql("""
				insert into assignment (id, request_id, supporter_id, office_holder_id, status, score, proposed_at, proposed_by, expires_at)
				values (?, ?, ?, ?, 'PROPOSED', ?, ?, ?, ?)""")
			.params(id, request, supporter, officeHolder, score, Timestamp.from(at), by, Timestamp.from(expires))
			.update();
	}

	public Optional<Row> lock(UUID id) {
		return jdbc.sql("select * from assignment where id = ? for update").param(id).query(Assignments::row).optional();
	}

	public void answer(UUID id, AssignmentStatus status, DeclineReason reason, Instant at) {
		jdbc.sql("update assignment set status = ?, decline_reason = ?, answered_at = ? where id = ?")
			.params(status.name(), reason == null ? null : reason.name(), Timestamp.from(at), id)
			.update();
	}

	/**
	 * Ends the request's live proposal or assignment: a proposal is withdrawn, an accepted one ended, or withdrawn when
	 * the supporter is taken off the request ({@code movedOff}).
	 */
	public Optional<Row> endLive(UUID request, Instant at, boolean movedOff) {
		Optional<Row> live = jdbc.sql("select * from assignment where request_id = ? and status in ('PROPOSED', 'ACCEPTED') for update")
			.param(request).query(Assignments::row).optional();
		live.ifPresent(row -> jdbc.sql("update assignment set status = ?, ended_at = ? where id = ?")
			.params(movedOff || row.status() == AssignmentStatus.PROPOSED ? "WITHDRAWN" : "ENDED", Timestamp.from(at), row.id())
			.update());
		return live;
	}

	/** Accepted assignments (live or ended) of these requests, the latest first. */
	public List<Row> accepted(java.util.Collection<UUID> requests) {
		return requests.isEmpty() ? List.of()
				: jdbc.sql("""
						select * from assignment where request_id in (:ids) and status in ('ACCEPTED', 'ENDED')
						order by (status = 'ACCEPTED') desc, answered_at desc nulls last""")
					.param("ids", requests)
					.query(Assignments::row)
					.list();
	}

	public List<Row> ofRequest(UUID request) {
		return jdbc.sql("select * from assignment where request_id = ? order by proposed_at").param(request).query(Assignments::row).list();
	}

	public List<Row> ofSupporter(UUID supporter) {
		return jdbc.sql("select * from assignment where supporter_id = ? order by proposed_at desc").param(supporter)
			.query(Assignments::row).list();
	}

	/** The live proposal or assignment of each of these requests. */
	public Set<UUID> withLive(java.util.Collection<UUID> requests) {
		if (requests.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select request_id from assignment where request_id in (:ids) and status in ('PROPOSED', 'ACCEPTED')")
			.param("ids", requests).query(UUID.class).list());
	}

	/** Supporters who declined each of these requests or were moved off it. */
	public Map<UUID, Set<UUID>> passedOver(java.util.Collection<UUID> requests) {
		Map<UUID, Set<UUID>> passed = new HashMap<>();
		if (!requests.isEmpty()) {
			jdbc.sql("select request_id, supporter_id from assignment where request_id in (:ids) and status in ('DECLINED', 'WITHDRAWN')")
				.param("ids", requests)
				.query(rs -> {
					passed.computeIfAbsent(rs.getObject("request_id", UUID.class), id -> new HashSet<>()).add(rs.getObject("supporter_id", UUID.class));
				});
		}
		return passed;
	}

	public Map<UUID, Stats> stats() {
		Map<UUID, int[]> counts = new HashMap<>();
		Map<UUID, Set<UUID>> supported = new HashMap<>();
		jdbc.sql("""
				select supporter_id, count(*) filter (where status in ('PROPOSED', 'ACCEPTED')) as open,
				       count(*) filter (where status = 'ENDED') as closed,
				       array_agg(distinct office_holder_id) filter (where status in ('ACCEPTED', 'ENDED') and office_holder_id is not null) as people
				from assignment group by supporter_id""")
			.query(rs -> {
				UUID supporter = rs.getObject("supporter_id", UUID.class);
				counts.put(supporter, new int[] { rs.getInt("open"), rs.getInt("closed") });
				java.sql.Array people = rs.getArray("people");
				Set<UUID> ids = new HashSet<>();
				if (people != null) {
					for (Object id : (Object[]) people.getArray()) {
						ids.add((UUID) id);
					}
				}
				supported.put(supporter, ids);
			});
		Map<UUID, Stats> stats = new HashMap<>();
		counts.forEach((supporter, c) -> stats.put(supporter, new Stats(c[0], c[1], supported.get(supporter))));
		return stats;
	}

	/** Proposals nobody answered in time, locked so that one node expires each once. */
	public List<Row> dueToExpire(Instant now) {
		return jdbc.sql("select * from assignment where status = 'PROPOSED' and expires_at <= ? for update skip locked")
			.param(Timestamp.from(now)).query(Assignments::row).list();
	}

	/** Expired or declined proposals whose request still waits for a supporter. */
	public List<Row> needingAttention() {
		return jdbc.sql("""
				select a.* from assignment a
				where a.status in ('EXPIRED', 'DECLINED')
				  and not exists (select 1 from assignment b where b.request_id = a.request_id and b.proposed_at > a.proposed_at)
				order by a.answered_at desc nulls last limit 200""")
			.query(Assignments::row).list();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String reason = rs.getString("decline_reason");
		Timestamp answered = rs.getTimestamp("answered_at");
		return new Row(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class), rs.getObject("supporter_id", UUID.class),
				rs.getObject("office_holder_id", UUID.class), AssignmentStatus.valueOf(rs.getString("status")), rs.getInt("score"),
				rs.getTimestamp("proposed_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
				answered == null ? null : answered.toInstant(), reason == null ? null : DeclineReason.valueOf(reason));
	}
}
