package nl.weerbaar.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.weerbaar.cases.CaseEvents.CaseChanged;
import nl.weerbaar.cases.CaseEvents.CaseClosed;
import nl.weerbaar.cases.CaseEvents.CaseOpened;
import nl.weerbaar.cases.CaseEvents.CaseRead;
import nl.weerbaar.cases.CaseView.ActionView;
import nl.weerbaar.cases.CaseView.ContactView;
import nl.weerbaar.cases.CaseView.Due;
import nl.weerbaar.cases.CaseView.EvaluationView;
import nl.weerbaar.cases.CaseView.TimelineEntry;
import nl.weerbaar.cases.internal.CaseStore;
import nl.weerbaar.cases.internal.CaseStore.ActionRow;
import nl.weerbaar.cases.internal.CaseStore.CaseRow;
import nl.weerbaar.intake.FirstContactDeadlines;
import nl.weerbaar.intake.Intake;
import nl.weerbaar.intake.MyRequest;
import nl.weerbaar.intake.RequestStatus;
import nl.weerbaar.intake.RequestStatusChanged;
import nl.weerbaar.intake.SupportRequestView;
import nl.weerbaar.matching.Matching;
import nl.weerbaar.matching.MatchingEvents.SupporterAssigned;
import nl.weerbaar.matching.MatchingEvents.SupporterTransferred;
import nl.weerbaar.privacy.FieldLocation;
import nl.weerbaar.privacy.PersonalData;
import nl.weerbaar.privacy.SubjectId;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.shared.Refused;
import nl.weerbaar.shared.Refused.Violation;
import nl.weerbaar.team.SupporterReach;
import nl.weerbaar.team.Team;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases from a supporter's acceptance to the client's evaluation. A supporter works only on the cases assigned to them
 * now, a coordinator on all; a client sees their own case in a client's view. Whoever may not see a case, or a contact
 * or action in it, gets an empty answer (the web answers 404) and the attempt is recorded. Every text is sealed under
 * the request's data key, so erasing the request shreds its case.
 */
@Service
@Transactional
public class Cases {

	static final String COORDINATOR = "COORDINATOR";
	static final String SUPPORTER = "SUPPORTER";
	static final String CLIENT = "CLIENT";
	private static final int NOTE_MAX = 4000;
	private static final int TEXT_MAX = 1000;
	/** A date is due at the end of that day's working hours, like the intake's working-day deadlines. */
	private static final LocalTime END_OF_DAY = LocalTime.of(17, 0);

	private final CaseStore store;
	private final Intake intake;
	private final Matching matching;
	private final Team team;
	private final SupporterReach supporterReach;
	private final PersonalData personalData;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Cases(CaseStore store, Intake intake, Matching matching, Team team, SupporterReach supporterReach, PersonalData personalData,
			ApplicationEventPublisher events, Clock clock) {
		this.supporterReach = supporterReach;
		this.store = store;
		this.intake = intake;
		this.matching = matching;
		this.team = team;
		this.personalData = personalData;
		this.events = events;
		this.clock = clock;
	}

	/** A supporter accepted: their case opens (or, after the request went back to matching, passes to them). */
	@EventListener
	public void on(SupporterAssigned assigned) {
		Instant now = clock.instant();
		Optional<CaseRow> existing = store.ofRequest(assigned.request());
		if (existing.isPresent()) {
			store.setSupporter(existing.get().id(), assigned.supporter(), assigned.account(), now);
			store.insertEvent(existing.get().id(), "TRANSFERRED", null, assigned.by(), assigned.role(), now);
			return;
		}
		UUID id = UUID.randomUUID();
		store.insert(id, assigned.request(), assigned.supporter(), assigned.account(), now);
		store.insertEvent(id, "OPENED", null, assigned.by(), assigned.role(), now);
		events.publishEvent(new CaseOpened(id, assigned.request(), assigned.supporter()));
	}

	/** A coordinator moved the request to another supporter: the case is theirs now, and no longer the previous one's. */
	@EventListener
	public void on(SupporterTransferred transferred) {
		store.ofRequest(transferred.request())
			.ifPresent(row -> store.setSupporter(row.id(), transferred.to(), transferred.account(), clock.instant()));
	}

	/**
	 * The request moved without the case: sent back to matching, the supporter is taken off at once; closed or
	 * withdrawn by a coordinator, the case closes with it.
	 */
	@EventListener
	public void on(RequestStatusChanged changed) {
		store.ofRequest(changed.request()).filter(row -> row.status() == CaseStatus.OPEN).ifPresent(row -> {
			if (changed.to() == RequestStatus.MATCHING || changed.to() == RequestStatus.TRIAGED) {
				store.setSupporter(row.id(), null, null, changed.at());
			}
			else if (!changed.to().isOpen()) {
				ClosureReason reason = changed.to() == RequestStatus.WITHDRAWN ? ClosureReason.NO_LONGER_NEEDED : ClosureReason.OTHER;
				store.close(row.id(), reason, null, changed.at());
				store.insertEvent(row.id(), "CLOSED", null, changed.by(), changed.role(), changed.at());
				if (changed.to() == RequestStatus.CLOSED) {
					events.publishEvent(new CaseClosed(row.id(), row.requestId(), reason, changed.by(), changed.role()));
				}
			}
		});
	}

	/**
	 * Cases by the next thing due, open ones first: a supporter's own, every case for a coordinator, and a client's
	 * (those of the requests they may follow).
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER', 'CLIENT')")
	public List<CaseSummary> list(CaseStatus status, Actor by) {
		Map<UUID, String> ownReferences = CLIENT.equals(by.role())
				? intake.mine(by).stream().collect(Collectors.toMap(MyRequest::id, MyRequest::reference)) : Map.of();
		List<CaseRow> rows = switch (by.role()) {
			case COORDINATOR -> store.list(null);
			case SUPPORTER -> store.list(by.id());
			case CLIENT -> store.ofRequests(ownReferences.keySet());
			default -> List.of();
		};
		rows = rows.stream().filter(row -> status == null || row.status() == status).toList();
		Map<UUID, Intake.Facts> facts = CLIENT.equals(by.role()) ? Map.of() : intake.facts(rows.stream().map(CaseRow::requestId).toList())
			.stream().collect(Collectors.toMap(Intake.Facts::id, Function.identity()));
		Map<UUID, LocalDate> actions = store.earliestOpenActions(rows.stream().map(CaseRow::id).toList());
		// a client learns their supporter's first name on the case itself, not from lists
		Map<UUID, String> names = CLIENT.equals(by.role()) ? Map.of() : supporterNames();
		Instant now = clock.instant();
		return rows.stream().map(row -> {
			Intake.Facts fact = facts.get(row.requestId());
			// a client's list has no intake facts: their case shows actions and follow-up, not the intake's deadline
			Due due = nextDue(row, fact == null ? null : fact.firstContactAt(), fact == null ? null : fact.dueAt(), actions.get(row.id()));
			return new CaseSummary(row.id(), row.requestId(), fact == null ? ownReferences.get(row.requestId()) : fact.reference(), row.status(),
					// a client's list shows what their case view shows: no level, no supporter's record id
					fact == null ? null : fact.level(), CLIENT.equals(by.role()) ? null : row.supporterId(),
					names.get(row.supporterId()), row.openedAt(), due,
					due != null && due.at().isBefore(now), row.closedAt());
		})
			.sorted(Comparator.comparing((CaseSummary c) -> c.status() == CaseStatus.CLOSED)
				.thenComparing(c -> c.nextDue() == null ? Instant.MAX : c.nextDue().at())
				.thenComparing(c -> c.closedAt() == null ? Instant.MIN : c.closedAt(), Comparator.reverseOrder())
				.thenComparing(CaseSummary::openedAt))
			.toList();
	}

	/** One case, opened: the read is recorded, and so is a refusal (then empty). */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public Optional<CaseView> find(UUID id, Actor by) {
		return visible(id, "CASE", id, by).map(row -> {
			events.publishEvent(new CaseRead("CASE", id, true, by.id(), by.role()));
			return view(row, by);
		});
	}

	/** The case as other modules need it (a referral's case), if this actor may work on it; a refusal is recorded. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER', 'CLIENT')")
	public Optional<CaseRef> access(UUID id, Actor by) {
		if (CLIENT.equals(by.role())) {
			return ownCase(id, by).map(own -> new CaseRef(id, own.row().requestId(), own.request().reference(), own.row().status()));
		}
		return visible(id, "CASE", id, by).map(found -> new CaseRef(found.id(), found.requestId(),
				intake.facts(List.of(found.requestId())).stream().findFirst().map(Intake.Facts::reference).orElse(null),
				found.status()));
	}

	/**
	 * The request a case belongs to, under whose data key everything about the case is sealed (for the network's
	 * referrals, whose access was checked with {@link #access}).
	 */
	@Transactional(readOnly = true)
	public UUID requestOf(UUID caseId) {
		return store.find(caseId).map(CaseRow::requestId).orElseThrow();
	}

	/** Records a contact; the first one ends the intake's first-contact deadline and makes the request active. */
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public Optional<ContactView> recordContact(UUID id, CaseData.Contact data, Actor by) {
		Optional<CaseRow> found = visibleForChange(id, by);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Instant occurredAt = data.occurredAt() == null ? now : data.occurredAt();
		List<Violation> violations = new ArrayList<>();
		if (data.mode() == null) {
			violations.add(new Violation("mode", "field.required"));
		}
		if (occurredAt.isAfter(now.plusSeconds(300))) {
			violations.add(new Violation("occurredAt", "cases.contact.inFuture"));
		}
		if (occurredAt.isBefore(found.get().openedAt().minus(java.time.Duration.ofDays(30)))) {
			violations.add(new Violation("occurredAt", "cases.contact.beforeCase"));
		}
		if (data.minutes() != null && (data.minutes() < 0 || data.minutes() > 1440)) {
			violations.add(new Violation("minutes", "cases.contact.minutes.invalid"));
		}
		Refused.checkText(violations, "note", data.note(), NOTE_MAX, false);
		Refused.throwIfAny(violations);
		CaseRow row = requireOpen(found.get());
		UUID contactId = UUID.randomUUID();
		store.insertContact(contactId, id, occurredAt, data.mode(), data.minutes(),
				seal(row, "case_contact", "note", contactId, strip(data.note())), by.id(), now);
		intake.caseProgressed(row.requestId(), RequestStatus.ACTIVE, occurredAt, null, by);
		events.publishEvent(new CaseChanged(id, "CONTACT_RECORDED", by.id(), by.role()));
		return Optional.of(new ContactView(contactId, occurredAt, data.mode(), data.minutes(), strip(data.note()), now));
	}

	/** One contact of a case, opened; asked under another case, or without access, it is unknown (recorded). */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public Optional<ContactView> contact(UUID id, UUID contactId, Actor by) {
		Optional<CaseStore.ContactRow> contact = store.contact(contactId).filter(c -> c.caseId().equals(id));
		return visible(id, "CONTACT", contactId, by).flatMap(row -> {
			if (contact.isEmpty()) {
				events.publishEvent(new CaseRead("CONTACT", contactId, false, by.id(), by.role()));
				return Optional.empty();
			}
			events.publishEvent(new CaseRead("CONTACT", contactId, true, by.id(), by.role()));
			return Optional.of(contactView(row, contact.get()));
		});
	}

	/** Agrees an action: what, who takes it on, and (optionally) by when. */
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public Optional<ActionView> agreeAction(UUID id, CaseData.Action data, Actor by) {
		Optional<CaseRow> found = visibleForChange(id, by);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		List<Violation> violations = new ArrayList<>();
		Refused.checkText(violations, "what", data.what(), TEXT_MAX, true);
		if (data.who() == null) {
			violations.add(new Violation("who", "field.required"));
		}
		if (data.dueOn() != null && data.dueOn().isBefore(today().minusDays(1))) {
			violations.add(new Violation("dueOn", "cases.date.past"));
		}
		Refused.throwIfAny(violations);
		CaseRow row = requireOpen(found.get());
		Instant now = clock.instant();
		UUID actionId = UUID.randomUUID();
		store.insertAction(actionId, id, seal(row, "case_action", "what", actionId, strip(data.what())), data.who(), data.dueOn(),
				by.id(), now);
		events.publishEvent(new CaseChanged(id, "ACTION_AGREED", by.id(), by.role()));
		return store.action(actionId).map(action -> actionView(row, action));
	}

	/** One action of a case, opened; asked under another case, or without access, it is unknown (recorded). */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public Optional<ActionView> action(UUID id, UUID actionId, Actor by) {
		Optional<ActionRow> action = store.action(actionId).filter(a -> a.caseId().equals(id));
		return visible(id, "ACTION", actionId, by).flatMap(row -> {
			if (action.isEmpty()) {
				events.publishEvent(new CaseRead("ACTION", actionId, false, by.id(), by.role()));
				return Optional.empty();
			}
			events.publishEvent(new CaseRead("ACTION", actionId, true, by.id(), by.role()));
			return Optional.of(actionView(row, action.get()));
		});
	}

	/** Marks an action done, or open again. */
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public Optional<ActionView> completeAction(UUID id, UUID actionId, boolean done, Actor by) {
		Optional<ActionRow> action = store.action(actionId).filter(a -> a.caseId().equals(id));
		Optional<CaseRow> found = visibleForChange(id, by);
		if (found.isEmpty() || action.isEmpty()) {
			found.ifPresent(row -> events.publishEvent(new CaseRead("ACTION", actionId, false, by.id(), by.role())));
			return Optional.empty();
		}
		CaseRow row = requireOpen(found.get());
		Instant now = clock.instant();
		if (done != (action.get().doneAt() != null)) {
			store.setDone(actionId, done ? now : null);
			if (done) {
				store.insertEvent(id, "ACTION_DONE", null, by.id(), by.role(), now);
			}
			events.publishEvent(new CaseChanged(id, done ? "ACTION_DONE" : "ACTION_REOPENED", by.id(), by.role()));
		}
		return store.action(actionId).map(a -> actionView(row, a));
	}

	/** Sets (or clears) the next follow-up date. */
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public Optional<CaseView> setFollowUp(UUID id, CaseData.FollowUp data, Actor by) {
		Optional<CaseRow> found = visibleForChange(id, by);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		if (data.on() != null && data.on().isBefore(today())) {
			throw Refused.invalid("on", "cases.date.past");
		}
		CaseRow row = requireOpen(found.get());
		Instant now = clock.instant();
		store.setFollowUp(id, data.on(), now);
		store.insertEvent(id, "FOLLOW_UP_SET", seal(row, "case_event", "detail", id, data.on() == null ? "" : data.on().toString()),
				by.id(), by.role(), now);
		events.publishEvent(new CaseChanged(id, "FOLLOW_UP_SET", by.id(), by.role()));
		return Optional.of(view(store.find(id).orElseThrow(), by));
	}

	/**
	 * A coordinator moves the case to another supporter, under the matching's hard rules, with a reason; the previous
	 * supporter loses access at once.
	 */
	@PreAuthorize("hasRole('COORDINATOR')")
	public Optional<CaseView> transfer(UUID id, CaseData.Transfer data, Actor by) {
		Optional<CaseRow> found = visibleForChange(id, by);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		List<Violation> violations = new ArrayList<>();
		if (data.supporterId() == null) {
			violations.add(new Violation("supporterId", "field.required"));
		}
		Refused.checkText(violations, "reason", data.reason(), TEXT_MAX, true);
		Refused.throwIfAny(violations);
		CaseRow row = requireOpen(found.get());
		matching.transfer(row.requestId(), data.supporterId(), by);
		Instant now = clock.instant();
		store.insertEvent(id, "TRANSFERRED", seal(row, "case_event", "detail", id, strip(data.reason())), by.id(), by.role(), now);
		events.publishEvent(new CaseChanged(id, "CASE_TRANSFERRED", by.id(), by.role()));
		return Optional.of(view(store.find(id).orElseThrow(), by));
	}

	/** Closes the case and its request, with a reason and a summary; the client is invited to evaluate. */
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public Optional<CaseView> close(UUID id, CaseData.Closure data, Actor by) {
		Optional<CaseRow> found = visibleForChange(id, by);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		List<Violation> violations = new ArrayList<>();
		if (data.reason() == null) {
			violations.add(new Violation("reason", "field.required"));
		}
		Refused.checkText(violations, "summary", data.summary(), NOTE_MAX, true);
		Refused.throwIfAny(violations);
		CaseRow row = requireOpen(found.get());
		Instant now = clock.instant();
		store.close(id, data.reason(), seal(row, "support_case", "closure_summary", id, strip(data.summary())), now);
		store.insertEvent(id, "CLOSED", null, by.id(), by.role(), now);
		intake.caseProgressed(row.requestId(), RequestStatus.CLOSED, null, "case closed: " + data.reason().name(), by);
		events.publishEvent(new CaseClosed(id, row.requestId(), data.reason(), by.id(), by.role()));
		return Optional.of(view(store.find(id).orElseThrow(), by));
	}

	/** The client's own cases: those of the requests they may follow. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('CLIENT')")
	public Optional<ClientCaseView> clientView(UUID id, Actor by) {
		return ownCase(id, by).map(own -> {
			events.publishEvent(new CaseRead("CASE", id, true, by.id(), by.role()));
			return clientView(own);
		});
	}

	/** The case of a request its client follows (the request page links to it), if there is one. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('CLIENT')")
	public Optional<UUID> ofOwnRequest(UUID requestId, Actor by) {
		return store.ofRequests(List.of(requestId)).stream().findFirst().flatMap(row -> ownCase(row.id(), by)).map(own -> own.row().id());
	}

	/** The client evaluates their closed case, once. */
	@PreAuthorize("hasRole('CLIENT')")
	public Optional<ClientCaseView> evaluate(UUID id, CaseData.Evaluation data, Actor by) {
		Optional<OwnCase> found = ownCase(id, by);
		found.ifPresent(own -> saveEvaluation(own.row(), data, by));
		return found.map(own -> clientView(new OwnCase(store.find(id).orElseThrow(), own.request())));
	}

	/** Whether the request of this receipt holder (the public form) has a closed case, and whether it was evaluated. */
	public record ReceiptEvaluation(String reference, boolean evaluated) {
	}

	/**
	 * The evaluation as a receipt holder sees it: only for a closed case. The caller has the request's id from a
	 * correct receipt code in this session ({@code nl.weerbaar.intake.ReceiptHolder}).
	 */
	@Transactional(readOnly = true)
	public Optional<ReceiptEvaluation> receiptEvaluation(UUID requestId) {
		return store.ofRequests(List.of(requestId))
			.stream()
			.findFirst()
			.filter(row -> row.status() == CaseStatus.CLOSED)
			.flatMap(row -> intake.receiptStatus(requestId)
				.map(request -> new ReceiptEvaluation(request.reference(), store.evaluation(row.id()).isPresent())));
	}

	/** A receipt holder evaluates the closed case of their request, once. */
	public Optional<ReceiptEvaluation> evaluateWithReceipt(UUID requestId, CaseData.Evaluation data) {
		Optional<CaseRow> row = store.ofRequests(List.of(requestId)).stream().findFirst();
		row.ifPresent(found -> saveEvaluation(found, data, null));
		return receiptEvaluation(requestId);
	}

	private void saveEvaluation(CaseRow row, CaseData.Evaluation data, Actor by) {
		List<Violation> violations = new ArrayList<>();
		if (data.satisfaction() == null || data.satisfaction() < 1 || data.satisfaction() > 5) {
			violations.add(new Violation("satisfaction", "cases.evaluation.satisfaction"));
		}
		if (data.wouldRecommend() == null) {
			violations.add(new Violation("wouldRecommend", "field.required"));
		}
		Refused.checkText(violations, "comment", data.comment(), NOTE_MAX, false);
		Refused.throwIfAny(violations);
		if (row.status() != CaseStatus.CLOSED) {
			throw Refused.conflict("status", "cases.evaluation.notClosed");
		}
		Instant now = clock.instant();
		if (!store.insertEvaluation(row.id(), data.satisfaction(), data.wouldRecommend(),
				seal(row, "case_evaluation", "comment", row.id(), strip(data.comment())), now)) {
			throw Refused.conflict("status", "cases.evaluation.given");
		}
		UUID actor = by == null ? null : by.id();
		String role = by == null ? null : by.role();
		store.insertEvent(row.id(), "EVALUATED", null, actor, role, now);
		events.publishEvent(new CaseChanged(row.id(), "EVALUATION_GIVEN", actor, role));
	}

	/** How many of this supporter's (or, for a coordinator, all) open cases have something overdue. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public long overdueCount(Actor by) {
		return list(CaseStatus.OPEN, by).stream().filter(CaseSummary::overdue).count();
	}

	private CaseView view(CaseRow row, Actor by) {
		// the case's supporter may open its request (intake's assignment follows the case's), and so may coordinators
		SupportRequestView request = intake.find(row.requestId(), by)
			.orElseThrow(() -> new IllegalStateException("case " + row.id() + " is visible but its request is not"));
		List<ContactView> contacts = store.contacts(row.id()).stream().map(c -> contactView(row, c)).toList();
		List<ActionView> actions = store.actions(row.id()).stream().map(a -> actionView(row, a)).toList();
		Due due = nextDue(row, request.firstContactAt(), request.dueAt(), actions.stream()
			.filter(a -> !a.done() && a.dueOn() != null)
			.map(ActionView::dueOn)
			.min(Comparator.naturalOrder())
			.orElse(null));
		List<TimelineEntry> timeline = new ArrayList<>();
		contacts.forEach(c -> timeline.add(new TimelineEntry(c.occurredAt(), "CONTACT", c.mode().name(), null)));
		actions.forEach(a -> timeline.add(new TimelineEntry(a.createdAt(), "ACTION_AGREED", a.what(), null)));
		store.events(row.id()).forEach(e -> timeline.add(new TimelineEntry(e.at(), e.kind(),
				open(row, "case_event", "detail", row.id(), e.detail()), e.actorRole())));
		request.history().forEach(change -> timeline.add(new TimelineEntry(change.at(), "STATUS",
				(change.from() == null ? "" : change.from().name() + " → ") + change.to().name(), change.actorRole())));
		timeline.sort(Comparator.comparing(TimelineEntry::at).reversed());
		return new CaseView(row.id(), row.requestId(), request.reference(), row.status(), request.status(), request.concernLevel(),
				row.supporterId(), supporterNames().get(row.supporterId()), row.openedAt(), request.dueAt(), request.firstContactAt(),
				row.nextFollowUp(), due, due != null && due.at().isBefore(clock.instant()), contacts, actions, timeline,
				request.messages(),
				row.closureReason() == null ? null : new CaseView.ClosureView(row.closureReason(),
						open(row, "support_case", "closure_summary", row.id(), row.closureSummary()), row.closedAt()),
				evaluation(row).orElse(null));
	}

	private ClientCaseView clientView(OwnCase own) {
		CaseRow row = own.row();
		Optional<SupporterReach.Reach> reach = row.status() == CaseStatus.OPEN ? supporterReach.forClient(row.supporterId()) : Optional.empty();
		List<ActionView> steps = store.actions(row.id()).stream().map(a -> actionView(row, a)).toList();
		Optional<EvaluationView> evaluation = evaluation(row);
		return new ClientCaseView(row.id(), row.requestId(), own.request().reference(), row.status(), own.request().status(),
				reach.map(SupporterReach.Reach::firstName).orElse(null), reach.map(SupporterReach.Reach::email).orElse(null),
				reach.map(SupporterReach.Reach::phone).orElse(null), steps, row.nextFollowUp(), row.closureReason(), row.closedAt(),
				row.status() == CaseStatus.CLOSED && evaluation.isEmpty(), evaluation.orElse(null));
	}

	private Optional<EvaluationView> evaluation(CaseRow row) {
		return store.evaluation(row.id()).map(e -> new EvaluationView(e.satisfaction(), e.wouldRecommend(),
				open(row, "case_evaluation", "comment", row.id(), e.comment()), e.submittedAt()));
	}

	private ContactView contactView(CaseRow row, CaseStore.ContactRow contact) {
		return new ContactView(contact.id(), contact.occurredAt(), contact.mode(), contact.minutes(),
				open(row, "case_contact", "note", contact.id(), contact.note()), contact.recordedAt());
	}

	private ActionView actionView(CaseRow row, ActionRow action) {
		boolean overdue = action.doneAt() == null && action.dueOn() != null && action.dueOn().isBefore(today());
		return new ActionView(action.id(), open(row, "case_action", "what", action.id(), action.what()), action.who(),
				action.dueOn(), action.doneAt() != null, action.doneAt(), overdue, action.createdAt());
	}

	/** The first thing due: the first contact while none was made, the earliest open action, the follow-up. */
	private Due nextDue(CaseRow row, Instant firstContactAt, Instant firstContactDue, LocalDate earliestAction) {
		if (row.status() != CaseStatus.OPEN) {
			return null;
		}
		List<Due> due = new ArrayList<>();
		if (firstContactAt == null && firstContactDue != null) {
			due.add(new Due("FIRST_CONTACT", firstContactDue));
		}
		if (earliestAction != null) {
			due.add(new Due("ACTION", endOf(earliestAction)));
		}
		if (row.nextFollowUp() != null) {
			due.add(new Due("FOLLOW_UP", endOf(row.nextFollowUp())));
		}
		return due.stream().min(Comparator.comparing(Due::at)).orElse(null);
	}

	private static Instant endOf(LocalDate date) {
		return date.atTime(END_OF_DAY).atZone(FirstContactDeadlines.AMSTERDAM).toInstant();
	}

	/** The case if this coordinator or its current supporter asks; otherwise empty, and the refusal is recorded. */
	private Optional<CaseRow> visible(UUID id, String objectType, UUID object, Actor by) {
		Optional<CaseRow> allowed = store.find(id).filter(row -> switch (by.role()) {
			case COORDINATOR -> true;
			case SUPPORTER -> by.id().equals(row.supporterAccount());
			default -> false;
		});
		if (allowed.isEmpty()) {
			events.publishEvent(new CaseRead(objectType, object, false, by.id(), by.role()));
		}
		return allowed;
	}

	private Optional<CaseRow> visibleForChange(UUID id, Actor by) {
		return visible(id, "CASE", id, by).flatMap(row -> store.lock(row.id()));
	}

	/** A client's own case and its request as the client sees it. */
	private record OwnCase(CaseRow row, SupportRequestView request) {
	}

	/** A client's case: one of a request they may follow (intake decides, and records the read or the refusal). */
	private Optional<OwnCase> ownCase(UUID id, Actor by) {
		Optional<OwnCase> own = store.find(id).flatMap(row -> intake.find(row.requestId(), by).map(request -> new OwnCase(row, request)));
		if (own.isEmpty()) {
			events.publishEvent(new CaseRead("CASE", id, false, by.id(), by.role()));
		}
		return own;
	}

	private static CaseRow requireOpen(CaseRow row) {
		if (row.status() != CaseStatus.OPEN) {
			throw Refused.conflict("status", "cases.closed.refused");
		}
		return row;
	}

	private Map<UUID, String> supporterNames() {
		return team.names();
	}

	private byte[] seal(CaseRow row, String table, String column, UUID rowId, String value) {
		return personalData.seal(new SubjectId(row.requestId()), new FieldLocation(table, column, rowId.toString()), value);
	}

	private String open(CaseRow row, String table, String column, UUID rowId, byte[] sealed) {
		return personalData.open(new SubjectId(row.requestId()), new FieldLocation(table, column, rowId.toString()), sealed)
			.orElse(null);
	}

	private LocalDate today() {
		return clock.instant().atZone(FirstContactDeadlines.AMSTERDAM).toLocalDate();
	}

	private static String strip(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
