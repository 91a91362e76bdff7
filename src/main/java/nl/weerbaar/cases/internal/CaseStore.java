package nl.weerbaar.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.weerbaar.cases.ActionOwner;
import nl.weerbaar.cases.CaseStatus;
import nl.weerbaar.cases.ClosureReason;
import nl.weerbaar.cases.ContactMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Cases, their contacts, actions, history and evaluation in plain SQL; sealed columns stay sealed here. */
@Component
public class CaseStore {

	public record CaseRow(UUID id, UUID requestId, UUID supporterId, UUID supporterAccount, CaseStatus status,
			Instant openedAt, LocalDate nextFollowUp, Instant closedAt, ClosureReason closureReason, byte[] closureSummary) {
	}

	public record ContactRow(UUID id, UUID caseId, Instant occurredAt, ContactMode mode, Integer minutes, byte[] note,
			UUID recordedBy, Instant recordedAt) {
	}

	public record ActionRow(UUID id, UUID caseId, byte[] what, ActionOwner who, LocalDate dueOn, Instant doneAt,
			UUID createdBy, Instant createdAt) {
	}

	public record EventRow(UUID caseId, String kind, byte[] detail, String actorRole, Instant at) {
	}

	public record EvaluationRow(int satisfaction, boolean wouldRecommend, byte[] comment, Instant submittedAt) {
	}

	/** An overdue item for the reminders: which, for whom ({@code supporterAccount} may be null), due when. */
	public record Overdue(String kind, UUID itemId, UUID supporterAccount, String dueKey) {
	}

	private final JdbcClient jdbc;

	CaseStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID id, UUID request, UUID supporter, UUID account, Instant at) {
		jdbc.sql("""
				insert into support_case (id, request_id, supporter_id, supporter_account, status, opened_at, updated_at)
				values (?, ?, ?, ?, 'OPEN', ?, ?)""")
			.params(id, request, supporter, account, Timestamp.from(at), Timestamp.from(at))
			.update();
	}

	public Optional<CaseRow> find(UUID id) {
		return jdbc.sql("select * from support_case where id = ?").param(id).query(CaseStore::caseRow).optional();
	}

	public Optional<CaseRow> lock(UUID id) {
		return jdbc.sql("select * from support_case where id = ? for update").param(id).query(CaseStore::caseRow).optional();
	}

	public Optional<CaseRow> ofRequest(UUID request) {
		return jdbc.sql("select * from support_case where request_id = ? for update").param(request).query(CaseStore::caseRow).optional();
	}

	public List<CaseRow> ofRequests(Collection<UUID> requests) {
		return requests.isEmpty() ? List.of()
				: jdbc.sql("select * from support_case where request_id in (:ids)").param("ids", requests).query(CaseStore::caseRow).list();
	}

	/** All cases, or a supporter's ({@code account} not null). */
	public List<CaseRow> list(UUID account) {
		return jdbc.sql("select * from support_case where cast(:account as uuid) is null or supporter_account = :account")
			.param("account", account)
			.query(CaseStore::caseRow)
			.list();
	}

	public void setSupporter(UUID id, UUID supporter, UUID account, Instant at) {
		jdbc.sql("update support_case set supporter_id = coalesce(?, supporter_id), supporter_account = ?, updated_at = ? where id = ?")
			.params(supporter, account, Timestamp.from(at), id)
			.update();
	}

	public void setFollowUp(UUID id, LocalDate on, Instant at) {
		jdbc.sql("update support_case set next_follow_up = ?, updated_at = ? where id = ?")
			.params(on == null ? null : java.sql.Date.valueOf(on), Timestamp.from(at), id)
			.update();
	}

	public void close(UUID id, ClosureReason reason, byte[] summary, Instant at) {
		jdbc.sql("""
				update support_case set status = 'CLOSED', closure_reason = ?, closure_summary = ?, closed_at = ?,
				    next_follow_up = null, updated_at = ? where id = ?""")
			.params(reason.name(), summary, Timestamp.from(at), Timestamp.from(at), id)
			.update();
	}

	public void insertContact(UUID id, UUID caseId, Instant occurredAt, ContactMode mode, Integer minutes, byte[] note, UUID by,
			Instant at) {
		jdbc.sql("""
				insert into case_contact (id, case_id, occurred_at, mode, minutes, note, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caseId, Timestamp.from(occurredAt), mode.name(), minutes, note, by, Timestamp.from(at))
			.update();
	}

	public List<ContactRow> contacts(UUID caseId) {
		return jdbc.sql("select * from case_contact where case_id = ? order by occurred_at desc").param(caseId)
			.query(CaseStore::contactRow).list();
	}

	public Optional<ContactRow> contact(UUID id) {
		return jdbc.sql("select * from case_contact where id = ?").param(id).query(CaseStore::contactRow).optional();
	}

	public void insertAction(UUID id, UUID caseId, byte[] what, ActionOwner who, LocalDate dueOn, UUID by, Instant at) {
		jdbc.sql("""
				insert into case_action (id, case_id, what, who, due_on, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caseId, what, who.name(), dueOn == null ? null : java.sql.Date.valueOf(dueOn), by, Timestamp.from(at))
			.update();
	}

	public List<ActionRow> actions(UUID caseId) {
		return jdbc.sql("select * from case_action where case_id = ? order by done_at nulls first, due_on nulls last, created_at")
			.param(caseId).query(CaseStore::actionRow).list();
	}

	public Optional<ActionRow> action(UUID id) {
		return jdbc.sql("select * from case_action where id = ?").param(id).query(CaseStore::actionRow).optional();
	}

	public void setDone(UUID id, Instant at) {
		jdbc.sql("update case_action set done_at = ? where id = ?").params(at == null ? null : Timestamp.from(at), id).update();
	}

	/** The earliest due date of each case's open actions. */
	public Map<UUID, LocalDate> earliestOpenActions(Collection<UUID> cases) {
		Map<UUID, LocalDate> earliest = new HashMap<>();
		if (!cases.isEmpty()) {
			jdbc.sql("""
					select case_id, min(due_on) as due from case_action
					where case_id in (:ids) and done_at is null and due_on is not null group by case_id""")
				.param("ids", cases)
				.query(rs -> {
					earliest.put(rs.getObject("case_id", UUID.class), rs.getDate("due").toLocalDate());
				});
		}
		return earliest;
	}

	public void insertEvent(UUID caseId, String kind, byte[] detail, UUID actor, String role, Instant at) {
		jdbc.sql("insert into case_event (id, case_id, kind, detail, actor_id, actor_role, at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), caseId, kind, detail, actor, role, Timestamp.from(at))
			.update();
	}

	public List<EventRow> events(UUID caseId) {
		return jdbc.sql("select * from case_event where case_id = ? order by at desc")
			.param(caseId)
			.query((rs, n) -> new EventRow(caseId, rs.getString("kind"), rs.getBytes("detail"), rs.getString("actor_role"),
					rs.getTimestamp("at").toInstant()))
			.list();
	}

	/** Saves the evaluation; false when one was given already. */
	public boolean insertEvaluation(UUID caseId, int satisfaction, boolean recommend, byte[] comment, Instant at) {
		return jdbc.sql("""
				insert into case_evaluation (case_id, satisfaction, would_recommend, comment, submitted_at) values (?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(caseId, satisfaction, recommend, comment, Timestamp.from(at))
			.update() == 1;
	}

	public Optional<EvaluationRow> evaluation(UUID caseId) {
		return jdbc.sql("select * from case_evaluation where case_id = ?")
			.param(caseId)
			.query((rs, n) -> new EvaluationRow(rs.getInt("satisfaction"), rs.getBoolean("would_recommend"), rs.getBytes("comment"),
					rs.getTimestamp("submitted_at").toInstant()))
			.optional();
	}

	/** Open actions and follow-ups of open cases that were due before {@code today}. */
	public List<Overdue> overdue(LocalDate today) {
		return jdbc.sql("""
				select 'ACTION' as kind, a.id as item, c.supporter_account, a.due_on::text as due_key
				from case_action a join support_case c on c.id = a.case_id
				where c.status = 'OPEN' and a.done_at is null and a.due_on < :today
				union all
				select 'FOLLOW_UP', c.id, c.supporter_account, c.next_follow_up::text
				from support_case c where c.status = 'OPEN' and c.next_follow_up < :today""")
			.param("today", java.sql.Date.valueOf(today))
			.query((rs, n) -> new Overdue(rs.getString("kind"), rs.getObject("item", UUID.class),
					rs.getObject("supporter_account", UUID.class), rs.getString("due_key")))
			.list();
	}

	/** Records a reminder to send; false when it was recorded before (by this node or another). */
	public boolean remember(String kind, UUID item, String dueKey, String recipient, Instant at) {
		return jdbc.sql("""
				insert into case_reminder (item_kind, item_id, due_key, recipient, created_at) values (?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(kind, item, dueKey, recipient, Timestamp.from(at))
			.update() == 1;
	}

	public List<String> recipientsWithUnsent() {
		return jdbc.sql("select distinct recipient from case_reminder where sent_at is null").query(String.class).list();
	}

	/** Claims a recipient's unsent reminders until the transaction ends; another run skips them meanwhile. */
	public List<UUID> claimUnsent(String recipient) {
		return jdbc.sql("select item_id from case_reminder where recipient = ? and sent_at is null for update skip locked")
			.param(recipient).query(UUID.class).list();
	}

	public void markSent(String recipient, Collection<UUID> items, Instant at) {
		jdbc.sql("update case_reminder set sent_at = :at where recipient = :recipient and sent_at is null and item_id in (:items)")
			.param("at", Timestamp.from(at))
			.param("recipient", recipient)
			.param("items", items)
			.update();
	}

	private static CaseRow caseRow(ResultSet rs, int n) throws SQLException {
		java.sql.Date followUp = rs.getDate("next_follow_up");
		Timestamp closed = rs.getTimestamp("closed_at");
		String reason = rs.getString("closure_reason");
		return new CaseRow(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
				rs.getObject("supporter_id", UUID.class), rs.getObject("supporter_account", UUID.class),
				CaseStatus.valueOf(rs.getString("status")), rs.getTimestamp("opened_at").toInstant(),
				followUp == null ? null : followUp.toLocalDate(), closed == null ? null : closed.toInstant(),
				reason == null ? null : ClosureReason.valueOf(reason), rs.getBytes("closure_summary"));
	}

	private static ContactRow contactRow(ResultSet rs, int n) throws SQLException {
		Integer minutes = rs.getObject("minutes", Integer.class);
		return new ContactRow(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getTimestamp("occurred_at").toInstant(), ContactMode.valueOf(rs.getString("mode")),
				minutes, rs.getBytes("note"), rs.getObject("recorded_by", UUID.class),
				rs.getTimestamp("recorded_at").toInstant());
	}

	private static ActionRow actionRow(ResultSet rs, int n) throws SQLException {
		java.sql.Date due = rs.getDate("due_on");
		Timestamp done = rs.getTimestamp("done_at");
		return new ActionRow(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getBytes("what"),
				ActionOwner.valueOf(rs.getString("who")), due == null ? null : due.toLocalDate(),
				done == null ? null : done.toInstant(), rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant());
	}
}
