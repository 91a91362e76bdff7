package nl.weerbaar.intake.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.weerbaar.intake.Answer;
import nl.weerbaar.intake.Channel;
import nl.weerbaar.intake.ConcernLevel;
import nl.weerbaar.intake.ConcernSuggestion;
import nl.weerbaar.intake.ContactPreference;
import nl.weerbaar.intake.FirstContactDeadlines;
import nl.weerbaar.intake.IncidentChannel;
import nl.weerbaar.intake.IncidentData;
import nl.weerbaar.intake.IncidentKind;
import nl.weerbaar.intake.MyRequest;
import nl.weerbaar.intake.OnBehalf;
import nl.weerbaar.intake.OnBehalfRole;
import nl.weerbaar.intake.Perpetrator;
import nl.weerbaar.intake.PoliceReport;
import nl.weerbaar.intake.Queue;
import nl.weerbaar.intake.RequestLifecycle;
import nl.weerbaar.intake.RequestStatus;
import nl.weerbaar.intake.RequesterKind;
import nl.weerbaar.intake.SupportRequestView;
import nl.weerbaar.intake.SupportRequestView.Escalation;
import nl.weerbaar.intake.SupportRequestView.IncidentView;
import nl.weerbaar.intake.SupportRequestView.MessageView;
import nl.weerbaar.intake.SupportRequestView.StatusChangeView;
import nl.weerbaar.intake.SupportRequestView.Suggestion;
import nl.weerbaar.intake.SupportRequestView.SuggestionReason;
import nl.weerbaar.intake.WarningBehaviour;
import nl.weerbaar.intake.Wishes;
import nl.weerbaar.privacy.FieldLocation;
import nl.weerbaar.privacy.PersonalData;
import nl.weerbaar.privacy.SubjectId;
import nl.weerbaar.registry.Body;
import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.team.Gender;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where support requests live: plain SQL over the intake tables, sealing every free text under the request's own data
 * key and opening it only to build a view for someone the facade let through.
 */
@Component
public class RequestStore {

	private static final String REQUEST = "support_request";
	private static final String OPEN = "r.status not in ('CLOSED', 'WITHDRAWN')";
	private static final int ESCALATION_STEPS = 4;

	/** A request as stored; sealed fields stay sealed. */
	public record Row(UUID id, String reference, RequestStatus status, Channel channel, RequesterKind requestedBy,
			OnBehalfRole onBehalfRole, byte[] onBehalfName, byte[] onBehalfDescription, UUID subjectId, boolean homeFront,
			UUID officeHolderId, byte[] pseudonym, byte[] requesterContact, byte[] requesterName, OfficeFunction function,
			String bodyCode, String bodyName, List<String> provinceCodes, byte[] summary, boolean notSameParty,
			Gender supporterGender, String language, ContactPreference contactVia, byte[] wishNote,
			ConcernLevel concernLevel, ConcernLevel suggestedLevel, byte[] acuteActions, Instant acuteActionsAt,
			Instant dueAt, Instant firstContactAt, Instant createdAt, UUID createdBy, Instant updatedAt, UUID assignedAccount,
			boolean sharedWithOfficeHolder) {

		public boolean acuteActionsRecorded() {
			return acuteActions != null;
		}

		public boolean overdue(Instant now) {
			return status.isOpen() && firstContactAt == null && dueAt.isBefore(now);
		}
	}

	/**
	 * What a client account may see: what it filed, what is about the person it belongs to (an office holder or a
	 * home-front member), and, for an office holder, what a member of their home front chose to share with them.
	 *
	 * @param officeHolderId the office holder this account belongs to; null for anyone else
	 * @param subjectId the person this account belongs to (an office holder or a home-front member), or null
	 */
	public record ClientScope(UUID accountId, UUID officeHolderId, UUID subjectId) {

		public boolean includes(Row row) {
			return accountId.equals(row.createdBy()) || (subjectId != null && subjectId.equals(row.subjectId()))
					|| (officeHolderId != null && officeHolderId.equals(row.officeHolderId()) && row.homeFront()
							&& row.sharedWithOfficeHolder());
		}

		/** The same rule in SQL over {@code support_request r}, with its parameters. */
		String condition(Map<String, Object> params) {
			params.put("account", accountId);
			params.put("holder", officeHolderId);
			params.put("subject", subjectId);
			return "(r.created_by = :account or r.subject_id = :subject"
					+ " or (r.office_holder_id = :holder and r.home_front and r.shared_with_office_holder))";
		}
	}

	public record NewRequest(Channel channel, RequesterKind requestedBy, OnBehalf onBehalf, UUID subjectId, boolean homeFront,
			UUID officeHolderId, String pseudonym, String requesterName, String requesterContact, OfficeFunction function,
			Body body, String summary, Wishes wishes, Instant dueAt, String receiptCode, Instant createdAt, UUID createdBy,
			boolean sharedWithOfficeHolder) {
	}

	private final JdbcClient jdbc;
	private final PersonalData personalData;
	private final ReceiptCodes receiptCodes;
	private final MessageSource messages;

	RequestStore(JdbcClient jdbc, PersonalData personalData, ReceiptCodes receiptCodes, MessageSource messages) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.receiptCodes = receiptCodes;
		this.messages = messages;
	}

	public String newReceiptCode() {
		return receiptCodes.newCode();
	}

	public UUID insert(NewRequest request) {
		UUID id = UUID.randomUUID();
		long number = jdbc.sql("select nextval('support_request_number')").query(Long.class).single();
		String reference = "HV-" + request.createdAt().atZone(FirstContactDeadlines.AMSTERDAM).getYear() + "-"
				+ String.format("%05d", number);
		OnBehalf onBehalf = request.onBehalf();
		Wishes wishes = request.wishes();
		Map<String, Object> values = new HashMap<>();
		values.put("id", id);
		values.put("reference", reference);
		values.put("channel", request.channel().name());
		values.put("requestedBy", request.requestedBy().name());
		values.put("onBehalfRole", onBehalf == null || onBehalf.role() == null ? null : onBehalf.role().name());
		values.put("onBehalfName", onBehalf == null ? null : seal(id, REQUEST, "on_behalf_name", id, trim(onBehalf.name())));
		values.put("onBehalfDescription",
				onBehalf == null ? null : seal(id, REQUEST, "on_behalf_description", id, trim(onBehalf.roleDescription())));
		values.put("subjectId", request.subjectId());
		values.put("homeFront", request.homeFront());
		values.put("officeHolderId", request.officeHolderId());
		values.put("pseudonym", seal(id, REQUEST, "pseudonym", id, request.pseudonym()));
		values.put("requesterName", seal(id, REQUEST, "requester_name", id, request.requesterName()));
		values.put("requesterContact", seal(id, REQUEST, "requester_contact", id, request.requesterContact()));
		values.put("function", request.function() == null ? null : request.function().name());
		values.put("bodyCode", request.body() == null ? null : request.body().code());
		values.put("bodyName", request.body() == null ? null : request.body().name());
		values.put("provinceCodes", request.body() == null ? new String[0] : request.body().provinceCodes().toArray(String[]::new));
		values.put("summary", seal(id, REQUEST, "summary", id, request.summary()));
		values.put("notSameParty", Boolean.TRUE.equals(wishes.notSameParty()));
		values.put("gender", wishes.supporterGender() == null ? null : wishes.supporterGender().name());
		values.put("language", trim(wishes.language()) == null ? null : wishes.language().strip().toLowerCase());
		values.put("contactVia", wishes.contactVia() == null ? null : wishes.contactVia().name());
		values.put("wishNote", seal(id, REQUEST, "wish_note", id, trim(wishes.note())));
		values.put("dueAt", Timestamp.from(request.dueAt()));
		values.put("receiptHash", request.receiptCode() == null ? null : receiptCodes.hash(request.receiptCode()));
		values.put("createdAt", Timestamp.from(request.createdAt()));
		values.put("createdBy", request.createdBy());
		values.put("shared", request.homeFront() && request.sharedWithOfficeHolder());
		jdbc.sql("""
				insert into support_request (id, reference, version, status, channel, requested_by, on_behalf_role, on_behalf_name,
				    on_behalf_description, subject_id, home_front, office_holder_id, pseudonym, requester_name, requester_contact,
				    function, body_code, body_name, province_codes, summary, wish_not_same_party, wish_supporter_gender,
				    wish_language, wish_contact_via, wish_note, due_at, receipt_hash, created_at, created_by, updated_at,
				    shared_with_office_holder)
				values (:id, :reference, 0, 'NEW', :channel, :requestedBy, :onBehalfRole, :onBehalfName, :onBehalfDescription,
				    :subjectId, :homeFront, :officeHolderId, :pseudonym, :requesterName, :requesterContact, :function, :bodyCode,
				    :bodyName, :provinceCodes, :summary, :notSameParty, :gender, :language, :contactVia, :wishNote, :dueAt,
				    :receiptHash, :createdAt, :createdBy, :createdAt, :shared)""")
			.params(values)
			.update();
		return id;
	}

	public Optional<Row> find(UUID id) {
		return jdbc.sql("select * from support_request where id = ?").param(id).query(RequestStore::row).optional();
	}

	/** The request, locked for this transaction: changes to one request happen one after the other. */
	public Optional<Row> lock(UUID id) {
		return jdbc.sql("select * from support_request where id = ? for update").param(id).query(RequestStore::row).optional();
	}

	public Optional<UUID> findByReceipt(String typed) {
		String code = ReceiptCodes.normalise(typed);
		if (code == null) {
			return Optional.empty();
		}
		return jdbc.sql("select id from support_request where receipt_hash = ?")
			.param(receiptCodes.hash(code))
			.query(UUID.class)
			.optional();
	}

	public void recordStatus(UUID request, RequestStatus from, RequestStatus to, String reason, Actor by, Instant at) {
		long next = jdbc.sql("select nextval('request_status_change_id_seq')").query(Long.class).single();
		jdbc.sql("""
				insert into request_status_change (id, request_id, from_status, to_status, reason, actor_id, actor_role, changed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(next, request, from == null ? null : from.name(), to.name(),
					seal(request, "request_status_change", "reason", next, reason), by == null ? null : by.id(),
					by == null ? null : by.role(), Timestamp.from(at))
			.update();
	}

	public void setStatus(UUID id, RequestStatus status, Instant at) {
		jdbc.sql("update support_request set status = ?, updated_at = ?, version = version + 1 where id = ?")
			.params(status.name(), Timestamp.from(at), id)
			.update();
	}

	public void assign(UUID id, UUID account) {
		jdbc.sql("update support_request set assigned_account = ? where id = ?").params(account, id).update();
	}

	/** The incident kinds of each request, for matching. */
	public Map<UUID, java.util.Set<IncidentKind>> incidentKinds(java.util.Collection<UUID> requests) {
		Map<UUID, java.util.Set<IncidentKind>> kinds = new HashMap<>();
		if (!requests.isEmpty()) {
			jdbc.sql("select request_id, kind from incident where request_id in (:ids)").param("ids", requests).query(rs -> {
				kinds.computeIfAbsent(rs.getObject("request_id", UUID.class), id -> java.util.EnumSet.noneOf(IncidentKind.class))
					.add(IncidentKind.valueOf(rs.getString("kind")));
			});
		}
		return kinds;
	}

	public List<Row> findAll(java.util.Collection<UUID> ids) {
		return ids.isEmpty() ? List.of()
				: jdbc.sql("select * from support_request where id in (:ids)").param("ids", ids).query(RequestStore::row).list();
	}

	public void touch(UUID id, Instant at) {
		jdbc.sql("update support_request set updated_at = ?, version = version + 1 where id = ?").params(Timestamp.from(at), id).update();
	}

	/** Open requests whose first contact is overdue, with the supporter's account when one is assigned. */
	public List<nl.weerbaar.intake.Intake.OverdueFirstContact> overdueFirstContacts(Instant now) {
		return jdbc.sql("select id, assigned_account, due_at from support_request r where " + OPEN
				+ " and first_contact_at is null and due_at < ? order by due_at")
			.param(Timestamp.from(now))
			.query((rs, n) -> new nl.weerbaar.intake.Intake.OverdueFirstContact(rs.getObject("id", UUID.class),
					rs.getObject("assigned_account", UUID.class), rs.getTimestamp("due_at").toInstant()))
			.list();
	}

	public void firstContact(UUID id, Instant at) {
		jdbc.sql("update support_request set first_contact_at = ? where id = ? and first_contact_at is null")
			.params(Timestamp.from(at), id)
			.update();
	}

	public void linkSubject(UUID id, UUID subjectId, boolean homeFront, UUID officeHolderId, OfficeFunction function, Body body,
			Instant at) {
		jdbc.sql("""
				update support_request set subject_id = ?, home_front = ?, office_holder_id = ?,
				    function = coalesce(?, function), body_code = coalesce(?, body_code), body_name = coalesce(?, body_name),
				    province_codes = case when ? then ? else province_codes end, updated_at = ?, version = version + 1
				where id = ?""")
			.params(subjectId, homeFront, officeHolderId, function == null ? null : function.name(),
					body == null ? null : body.code(), body == null ? null : body.name(), body != null,
					body == null ? new String[0] : body.provinceCodes().toArray(String[]::new), Timestamp.from(at), id)
			.update();
	}

	public void share(UUID id, boolean shared, Instant at) {
		jdbc.sql("update support_request set shared_with_office_holder = ?, updated_at = ?, version = version + 1 where id = ?")
			.params(shared, Timestamp.from(at), id)
			.update();
	}

	public void saveAnswers(UUID request, Map<WarningBehaviour, Answer> answers, Map<WarningBehaviour, String> evidence) {
		for (WarningBehaviour behaviour : WarningBehaviour.values()) {
			Answer answer = answers.get(behaviour);
			String text = trim(evidence.get(behaviour));
			if (answer == null && !evidence.containsKey(behaviour)) {
				continue;
			}
			String row = request + ":" + behaviour;
			jdbc.sql("""
					insert into warning_behaviour_answer (request_id, behaviour, answer, evidence) values (?, ?, ?, ?)
					on conflict (request_id, behaviour) do update
					set answer = case when ? then excluded.answer else warning_behaviour_answer.answer end,
					    evidence = case when ? then excluded.evidence else warning_behaviour_answer.evidence end""")
				.params(request, behaviour.name(), (answer == null ? Answer.UNKNOWN : answer).name(),
						seal(request, "warning_behaviour_answer", "evidence", row, text), answer != null,
						evidence.containsKey(behaviour))
				.update();
		}
	}

	public Map<WarningBehaviour, Answer> answers(UUID request) {
		Map<WarningBehaviour, Answer> answers = new EnumMap<>(WarningBehaviour.class);
		jdbc.sql("select behaviour, answer from warning_behaviour_answer where request_id = ?")
			.param(request)
			.query(rs -> {
				answers.put(WarningBehaviour.valueOf(rs.getString("behaviour")), Answer.valueOf(rs.getString("answer")));
			});
		return answers;
	}

	public void saveTriage(UUID id, ConcernLevel level, ConcernLevel suggested, Instant dueAt, String acuteActions, Actor by,
			Instant at) {
		jdbc.sql("""
				update support_request set concern_level = ?, suggested_level = ?, due_at = ?, triaged_at = ?, triaged_by = ?,
				    updated_at = ?, version = version + 1 where id = ?""")
			.params(level.name(), suggested.name(), Timestamp.from(dueAt), Timestamp.from(at), by.id(), Timestamp.from(at), id)
			.update();
		if (acuteActions != null) {
			jdbc.sql("update support_request set acute_actions = ?, acute_actions_at = ?, acute_actions_by = ? where id = ?")
				.params(seal(id, REQUEST, "acute_actions", id, acuteActions), Timestamp.from(at), by.id(), id)
				.update();
		}
	}

	public IncidentView addIncident(UUID request, IncidentData data, UUID by, Instant at) {
		UUID id = UUID.randomUUID();
		Perpetrator perpetrator = data.perpetrator() == null ? Perpetrator.UNKNOWN : data.perpetrator();
		PoliceReport report = data.policeReport() == null ? PoliceReport.UNKNOWN : data.policeReport();
		boolean homeFront = Boolean.TRUE.equals(data.homeFrontInvolved());
		String description = trim(data.description());
		jdbc.sql("""
				insert into incident (id, request_id, occurred_on, occurred_at, kind, channel, perpetrator, police_report,
				                      home_front_involved, description, recorded_at, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, request, java.sql.Date.valueOf(data.occurredOn()),
					data.occurredAt() == null ? null : Time.valueOf(data.occurredAt()), data.kind().name(), data.channel().name(),
					perpetrator.name(), report.name(), homeFront, seal(request, "incident", "description", id, description),
					Timestamp.from(at), by)
			.update();
		return new IncidentView(id, data.occurredOn(), data.occurredAt(), data.kind(), data.channel(), perpetrator, report,
				homeFront, description, at);
	}

	/** The request's incidents, oldest first; descriptions opened only when asked. */
	public List<IncidentView> incidents(UUID request, boolean open) {
		return jdbc.sql("select * from incident where request_id = ? order by occurred_on, recorded_at, id")
			.param(request)
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				Time time = rs.getTime("occurred_at");
				return new IncidentView(id, rs.getDate("occurred_on").toLocalDate(), time == null ? null : time.toLocalTime(),
						IncidentKind.valueOf(rs.getString("kind")), IncidentChannel.valueOf(rs.getString("channel")),
						Perpetrator.valueOf(rs.getString("perpetrator")), PoliceReport.valueOf(rs.getString("police_report")),
						rs.getBoolean("home_front_involved"),
						open ? open(request, "incident", "description", id, rs.getBytes("description")) : null,
						rs.getTimestamp("recorded_at").toInstant());
			})
			.list();
	}

	public long incidentCount(UUID request) {
		return jdbc.sql("select count(*) from incident where request_id = ?").param(request).query(Long.class).single();
	}

	/** Messages by this kind of author on the request since the moment given. */
	public long messagesSince(UUID request, String author, Instant since) {
		return jdbc.sql("select count(*) from request_message where request_id = ? and author = ? and sent_at > ?")
			.params(request, author, Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	public void addMessage(UUID request, String author, UUID by, String body, Instant at) {
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into request_message (id, request_id, author, author_id, body, sent_at) values (?, ?, ?, ?, ?, ?)")
			.params(id, request, author, by, seal(request, "request_message", "body", id, body), Timestamp.from(at))
			.update();
	}

	/**
	 * Everything about a request, opened. For a client (or receipt holder) the coordinators' working notes, the
	 * first-contact deadline (it follows from the level of concern) and the anonymous requester's contact details stay
	 * out.
	 */
	public SupportRequestView view(Row row, boolean forRequester, Instant now, FirstContactDeadlines deadlines) {
		UUID id = row.id();
		Map<WarningBehaviour, Answer> answers = new EnumMap<>(WarningBehaviour.class);
		Map<WarningBehaviour, String> evidence = new EnumMap<>(WarningBehaviour.class);
		if (!forRequester) {
			jdbc.sql("select * from warning_behaviour_answer where request_id = ?").param(id).query(rs -> {
				WarningBehaviour behaviour = WarningBehaviour.valueOf(rs.getString("behaviour"));
				answers.put(behaviour, Answer.valueOf(rs.getString("answer")));
				String text = open(id, "warning_behaviour_answer", "evidence", id + ":" + behaviour, rs.getBytes("evidence"));
				if (text != null) {
					evidence.put(behaviour, text);
				}
			});
		}
		List<IncidentView> incidents = incidents(id, true);
		List<StatusChangeView> history = jdbc.sql("select * from request_status_change where request_id = ? order by id")
			.param(id)
			.query((rs, n) -> {
				String from = rs.getString("from_status");
				return new StatusChangeView(from == null ? null : RequestStatus.valueOf(from),
						RequestStatus.valueOf(rs.getString("to_status")),
						forRequester ? null : open(id, "request_status_change", "reason", rs.getLong("id"), rs.getBytes("reason")),
						rs.getString("actor_role"), rs.getTimestamp("changed_at").toInstant());
			})
			.list();
		List<MessageView> messageViews = jdbc.sql("select * from request_message where request_id = ? order by sent_at, id")
			.param(id)
			.query((rs, n) -> {
				UUID message = rs.getObject("id", UUID.class);
				return new MessageView(message, rs.getString("author"), open(id, "request_message", "body", message, rs.getBytes("body")),
						rs.getTimestamp("sent_at").toInstant());
			})
			.list();
		Suggestion suggestion = null;
		Escalation escalation = null;
		if (!forRequester) {
			ConcernSuggestion suggested = ConcernSuggestion.of(answers, incidents.stream()
				.map(i -> new ConcernSuggestion.IncidentFacts(i.kind(), i.perpetrator(), i.homeFrontInvolved()))
				.toList());
			suggestion = suggestion(suggested);
			if (row.concernLevel() == ConcernLevel.ACUTE) {
				escalation = new Escalation(escalationGuidance(), open(id, REQUEST, "acute_actions", id, row.acuteActions()),
						row.acuteActionsAt(), !row.acuteActionsRecorded());
			}
		}
		String onBehalfName = open(id, REQUEST, "on_behalf_name", id, row.onBehalfName());
		OnBehalf onBehalf = row.onBehalfRole() == null && onBehalfName == null ? null
				: new OnBehalf(onBehalfName, row.onBehalfRole(), open(id, REQUEST, "on_behalf_description", id, row.onBehalfDescription()));
		Wishes wishes = new Wishes(row.notSameParty(), row.supporterGender(), row.language(), row.contactVia(),
				open(id, REQUEST, "wish_note", id, row.wishNote()));
		String subjectKind = row.subjectId() == null ? "PSEUDONYMOUS" : row.homeFront() ? "HOME_FRONT" : "OFFICE_HOLDER";
		return new SupportRequestView(id, row.reference(), row.status(), row.channel(), row.requestedBy(), onBehalf,
				row.subjectId(), subjectKind, row.officeHolderId(), open(id, REQUEST, "pseudonym", id, row.pseudonym()),
				row.function(), row.bodyCode(), row.bodyName(), row.provinceCodes(), open(id, REQUEST, "summary", id, row.summary()),
				// how an anonymous requester asked to be reached is the desk's to use: on a linked request it may be a
				// third party's, so no requester's view shows it
				wishes, forRequester ? null : open(id, REQUEST, "requester_contact", id, row.requesterContact()),
				incidents, forRequester ? null : answers, forRequester ? null : evidence,
				forRequester ? null : row.concernLevel(), suggestion, escalation, forRequester ? null : row.dueAt(),
				!forRequester && row.overdue(now),
				row.firstContactAt(), row.createdAt(), row.updatedAt(), history, messageViews,
				forRequester ? java.util.Set.of() : manualNext(row.status()), row.homeFront() ? row.sharedWithOfficeHolder() : null);
	}

	/** Where a coordinator may move the request by hand: {@code ASSIGNED} comes only with a supporter's acceptance. */
	private static java.util.Set<RequestStatus> manualNext(RequestStatus from) {
		java.util.Set<RequestStatus> next = RequestLifecycle.next(from);
		next.remove(RequestStatus.ASSIGNED);
		return next;
	}

	public Suggestion suggestion(ConcernSuggestion suggested) {
		return new Suggestion(suggested.level(), suggested.reasons()
			.stream()
			.map(reason -> new SuggestionReason(reason.code(), reason.level(), text(reason.code())))
			.toList());
	}

	public List<String> escalationGuidance() {
		List<String> guidance = new ArrayList<>();
		for (int step = 1; step <= ESCALATION_STEPS; step++) {
			guidance.add(text("escalation.guidance." + step));
		}
		return guidance;
	}

	/**
	 * A page of the queue. A client's list ({@code scope} given) follows the rules of their request view: no level of
	 * concern, no deadline and nothing ordered by it; newest first.
	 */
	public Page<Queue.Item> queue(Queue.Filter filter, Pageable pageable, ClientScope scope, Instant now) {
		boolean forRequester = scope != null;
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, scope, params, now);
		long total = jdbc.sql("select count(*) from support_request r where " + where).params(params).query(Long.class).single();
		params.put("limit", pageable.getPageSize());
		params.put("offset", pageable.getOffset());
		List<Queue.Item> items = jdbc.sql("""
				select r.id, r.reference, r.status, r.channel, r.concern_level, r.function, r.body_name, r.home_front,
				       r.created_at, r.due_at, r.first_contact_at,
				       array(select distinct i.kind from incident i where i.request_id = r.id order by 1) as kinds
				from support_request r where\s""" + where + (forRequester ? " order by r.created_at desc, r.id"
					: " order by r.due_at, r.created_at, r.id") + " limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> {
				RequestStatus status = RequestStatus.valueOf(rs.getString("status"));
				Instant due = rs.getTimestamp("due_at").toInstant();
				boolean overdue = status.isOpen() && rs.getTimestamp("first_contact_at") == null && due.isBefore(now);
				return new Queue.Item(rs.getObject("id", UUID.class), rs.getString("reference"), status,
						Channel.valueOf(rs.getString("channel")), forRequester ? null : level(rs.getString("concern_level")),
						function(rs.getString("function")), rs.getString("body_name"), rs.getBoolean("home_front"),
						Arrays.stream(strings(rs.getArray("kinds"))).map(IncidentKind::valueOf).toList(),
						rs.getTimestamp("created_at").toInstant(), forRequester ? null : due, !forRequester && overdue);
			})
			.list();
		return new PageImpl<>(items, pageable, total);
	}

	public Queue.Counts counts(Queue.Filter filter, Instant now) {
		Map<String, Object> params = new HashMap<>();
		String where = where(new Queue.Filter(null, filter.function(), filter.provinceCode(), filter.status(), false), null,
				params, now);
		params.put("now", Timestamp.from(now));
		Map<ConcernLevel, Long> perLevel = new EnumMap<>(ConcernLevel.class);
		for (ConcernLevel level : ConcernLevel.values()) {
			perLevel.put(level, 0L);
		}
		long[] untriagedOverdueTotal = new long[3];
		jdbc.sql("""
				select r.concern_level, count(*) as n,
				       count(*) filter (where r.first_contact_at is null and r.due_at < :now) as overdue
				from support_request r where\s""" + where + " group by r.concern_level")
			.params(params)
			.query(rs -> {
				ConcernLevel level = level(rs.getString("concern_level"));
				long n = rs.getLong("n");
				if (level == null) {
					untriagedOverdueTotal[0] += n;
				}
				else {
					perLevel.put(level, n);
				}
				untriagedOverdueTotal[1] += rs.getLong("overdue");
				untriagedOverdueTotal[2] += n;
			});
		return new Queue.Counts(perLevel, untriagedOverdueTotal[0], untriagedOverdueTotal[1], untriagedOverdueTotal[2]);
	}

	public List<MyRequest> mine(ClientScope scope) {
		Map<String, Object> params = new HashMap<>();
		return jdbc.sql("select r.id, r.reference, r.status, r.home_front, r.created_at, r.updated_at from support_request r where "
				+ scope.condition(params) + " order by r.created_at desc")
			.params(params)
			.query((rs, n) -> new MyRequest(rs.getObject("id", UUID.class), rs.getString("reference"),
					RequestStatus.valueOf(rs.getString("status")), rs.getBoolean("home_front"),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	private static String where(Queue.Filter filter, ClientScope scope, Map<String, Object> params, Instant now) {
		List<String> conditions = new ArrayList<>();
		if (filter.status() == null) {
			conditions.add(OPEN);
		}
		else {
			conditions.add("r.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.level() != null) {
			conditions.add("r.concern_level = :level");
			params.put("level", filter.level().name());
		}
		if (filter.function() != null) {
			conditions.add("r.function = :function");
			params.put("function", filter.function().name());
		}
		if (filter.provinceCode() != null && !filter.provinceCode().isBlank()) {
			conditions.add(":province = any(r.province_codes)");
			params.put("province", filter.provinceCode().strip().toUpperCase());
		}
		if (filter.receivedOn() != null) {
			conditions.add("(r.created_at at time zone 'Europe/Amsterdam')::date = :receivedOn");
			params.put("receivedOn", java.sql.Date.valueOf(filter.receivedOn()));
		}
		if (filter.overdueOnly()) {
			conditions.add(OPEN + " and r.first_contact_at is null and r.due_at < :now");
			params.put("now", Timestamp.from(now));
		}
		if (scope != null) {
			conditions.add(scope.condition(params));
		}
		return String.join(" and ", conditions);
	}

	private String text(String code) {
		return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

	private byte[] seal(UUID request, String table, String column, Object row, String value) {
		return personalData.seal(new SubjectId(request), new FieldLocation(table, column, row.toString()), value);
	}

	private String open(UUID request, String table, String column, Object row, byte[] sealed) {
		return personalData.open(new SubjectId(request), new FieldLocation(table, column, row.toString()), sealed).orElse(null);
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getString("reference"), RequestStatus.valueOf(rs.getString("status")),
				Channel.valueOf(rs.getString("channel")), RequesterKind.valueOf(rs.getString("requested_by")),
				enumOrNull(OnBehalfRole.class, rs.getString("on_behalf_role")), rs.getBytes("on_behalf_name"),
				rs.getBytes("on_behalf_description"), rs.getObject("subject_id", UUID.class), rs.getBoolean("home_front"),
				rs.getObject("office_holder_id", UUID.class), rs.getBytes("pseudonym"), rs.getBytes("requester_contact"),
				rs.getBytes("requester_name"), function(rs.getString("function")), rs.getString("body_code"),
				rs.getString("body_name"), List.of(strings(rs.getArray("province_codes"))), rs.getBytes("summary"),
				rs.getBoolean("wish_not_same_party"), enumOrNull(Gender.class, rs.getString("wish_supporter_gender")),
				rs.getString("wish_language"), enumOrNull(ContactPreference.class, rs.getString("wish_contact_via")),
				rs.getBytes("wish_note"), level(rs.getString("concern_level")), level(rs.getString("suggested_level")),
				rs.getBytes("acute_actions"), instant(rs.getTimestamp("acute_actions_at")), instant(rs.getTimestamp("due_at")),
				instant(rs.getTimestamp("first_contact_at")), instant(rs.getTimestamp("created_at")),
				rs.getObject("created_by", UUID.class), instant(rs.getTimestamp("updated_at")),
				rs.getObject("assigned_account", UUID.class), rs.getBoolean("shared_with_office_holder"));
	}

	private static String[] strings(Array array) throws SQLException {
		return array == null ? new String[0] : (String[]) array.getArray();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static ConcernLevel level(String value) {
		return enumOrNull(ConcernLevel.class, value);
	}

	private static OfficeFunction function(String value) {
		return enumOrNull(OfficeFunction.class, value);
	}

	private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
		return value == null ? null : Enum.valueOf(type, value);
	}

	private static String trim(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
