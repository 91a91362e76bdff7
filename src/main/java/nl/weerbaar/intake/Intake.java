package nl.weerbaar.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.weerbaar.intake.ConcernSuggestion.IncidentFacts;
import nl.weerbaar.intake.SupportRequestView.IncidentView;
import nl.weerbaar.intake.internal.IntakeLimits;
import nl.weerbaar.intake.internal.RequestStore;
import nl.weerbaar.intake.internal.RequestStore.Row;
import nl.weerbaar.privacy.Retention;
import nl.weerbaar.privacy.RetentionKind;
import nl.weerbaar.privacy.SubjectId;
import nl.weerbaar.registry.Bodies;
import nl.weerbaar.registry.Body;
import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.registry.Registry;
import nl.weerbaar.registry.Registry.PersonConcerned;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.shared.Refused;
import nl.weerbaar.shared.Refused.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support requests from intake to hand-over: coordinators take them in, triage them and move them along; clients file
 * and follow their own; the public form takes them in anonymously with a receipt code. Every free text is sealed per
 * request. Whoever may not see a request gets an empty answer (the web answers 404) and the attempt is recorded.
 */
@Service
@Transactional
public class Intake {

	static final String COORDINATOR = "COORDINATOR";
	static final String CLIENT = "CLIENT";
	static final String SUPPORTER = "SUPPORTER";
	private static final int SUMMARY_MAX = 4000;
	private static final int TEXT_MAX = 2000;

	private final RequestStore store;
	private final Registry registry;
	private final Bodies bodies;
	private final Retention retention;
	private final FirstContactDeadlines deadlines;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final IntakeLimits limits;

	Intake(RequestStore store, Registry registry, Bodies bodies, Retention retention, FirstContactDeadlines deadlines,
			ApplicationEventPublisher events, Clock clock, IntakeLimits limits) {
		this.store = store;
		this.registry = registry;
		this.bodies = bodies;
		this.retention = retention;
		this.deadlines = deadlines;
		this.events = events;
		this.clock = clock;
		this.limits = limits;
	}

	/**
	 * Takes a request in. A coordinator files it for anyone (or pseudonymously); a client for themselves or, an office
	 * holder, for their home front, through the web. At least one incident; all or nothing. A home-front member's
	 * request is shared with their office holder's account only when {@code sharedWithOfficeHolder} says so.
	 */
	@PreAuthorize("hasAnyRole('COORDINATOR', 'CLIENT')")
	public SupportRequestView submit(SupportRequestData data, Actor by) {
		boolean client = CLIENT.equals(by.role());
		List<Violation> violations = new ArrayList<>();
		Channel channel = client ? Channel.WEB : data.channel();
		if (channel == null) {
			violations.add(new Violation("channel", "field.required"));
		}
		else if (channel == Channel.PUBLIC_FORM) {
			violations.add(new Violation("channel", "intake.channel.publicFormOnly"));
		}
		UUID subjectId = data.subjectId();
		if (client && subjectId == null) {
			subjectId = registry.ownSubject(by).orElse(null);
		}
		Optional<PersonConcerned> concerned = registry.concerned(subjectId, by);
		if (subjectId != null && concerned.isEmpty()) {
			violations.add(new Violation("subjectId", "intake.subject.unknown"));
		}
		else if (subjectId == null && (client || blank(data.pseudonym()))) {
			violations.add(new Violation(client ? "subjectId" : "pseudonym", client ? "intake.subject.noOfficeHolder"
					: "intake.subject.orPseudonym"));
		}
		Refused.checkText(violations, "pseudonym", data.pseudonym(), 100, false);
		Refused.checkText(violations, "summary", data.summary(), SUMMARY_MAX, true);
		Wishes wishes = data.wishes() == null ? Wishes.NONE : data.wishes();
		if (wishes.language() != null && !wishes.language().strip().matches("[a-zA-Z]{2,3}")) {
			violations.add(new Violation("wishes.language", "intake.wishes.language"));
		}
		Refused.checkText(violations, "wishes.note", wishes.note(), TEXT_MAX, false);
		OnBehalf onBehalf = client ? null : data.onBehalf();
		if (channel == Channel.ON_BEHALF && onBehalf == null) {
			violations.add(new Violation("onBehalf", "intake.onBehalf.required"));
		}
		if (onBehalf != null) {
			Refused.checkText(violations, "onBehalf.name", onBehalf.name(), 200, true);
			if (onBehalf.role() == null) {
				violations.add(new Violation("onBehalf.role", "field.required"));
			}
			Refused.checkText(violations, "onBehalf.roleDescription", onBehalf.roleDescription(), 200,
					onBehalf.role() == OnBehalfRole.OTHER);
		}
		List<IncidentData> incidents = data.incidents() == null ? List.of() : data.incidents();
		if (incidents.isEmpty()) {
			violations.add(new Violation("incidents", "intake.incidents.required"));
		}
		else if (incidents.size() > limits.incidentsPerRequest()) {
			// no request is taken in with more; checking each of them would be work for nothing
			throw Refused.invalid("incidents", "intake.incidents.tooMany");
		}
		for (int i = 0; i < incidents.size(); i++) {
			checkIncident(violations, "incidents[" + i + "].", incidents.get(i));
		}
		Context context = concerned.map(this::context).orElseGet(() -> context(data.function(), data.bodyCode(), violations));
		if (!violations.isEmpty()) {
			throw new Refused(violations, false);
		}
		Instant now = clock.instant();
		RequesterKind requestedBy = client ? RequesterKind.SELF
				: onBehalf != null ? RequesterKind.ON_BEHALF : RequesterKind.COORDINATOR;
		UUID id = store.insert(new RequestStore.NewRequest(channel, requestedBy, onBehalf, subjectId,
				concerned.map(PersonConcerned::homeFront).orElse(false), concerned.map(PersonConcerned::officeHolderId).orElse(null),
				strip(data.pseudonym()), null, null, context.function(), context.body(), data.summary().strip(), wishes,
				deadlines.dueAt(now, null), null, now, by.id(), Boolean.TRUE.equals(data.sharedWithOfficeHolder())));
		store.recordStatus(id, null, RequestStatus.NEW, null, by, now);
		events.publishEvent(new SupportRequested(id, channel, context.function(), bodyCode(context), concerned
			.map(PersonConcerned::homeFront).orElse(false), now, by.id(), by.role()));
		incidents.forEach(incident -> recordIncident(id, incident, by, now));
		return store.view(store.find(id).orElseThrow(), client, now, deadlines);
	}

	/**
	 * Takes a request in from the public form, without an account: nothing but the summary is required. Returns the
	 * receipt code, which exists nowhere else in readable form. An unconfirmed request is kept 90 days.
	 */
	public Receipt submitPublic(PublicRequestData data) {
		List<Violation> violations = new ArrayList<>();
		Refused.checkText(violations, "summary", data.summary(), SUMMARY_MAX, true);
		Refused.checkText(violations, "name", data.name(), 100, false);
		Refused.checkText(violations, "contact", data.contact(), 200, false);
		if (data.occurredOn() != null && data.occurredOn().isAfter(today())) {
			violations.add(new Violation("occurredOn", "intake.incident.occurredOn.future"));
		}
		Context context = context(data.function(), data.bodyCode(), violations);
		if (!violations.isEmpty()) {
			throw new Refused(violations, false);
		}
		Instant now = clock.instant();
		String code = store.newReceiptCode();
		UUID id = store.insert(new RequestStore.NewRequest(Channel.PUBLIC_FORM, RequesterKind.SELF, null, null, false, null,
				null, strip(data.name()), strip(data.contact()), context.function(), context.body(), data.summary().strip(),
				new Wishes(false, null, null, data.contactVia(), null), deadlines.dueAt(now, null), code, now, null, false));
		store.recordStatus(id, null, RequestStatus.NEW, null, null, now);
		events.publishEvent(new SupportRequested(id, Channel.PUBLIC_FORM, context.function(), bodyCode(context),
				Boolean.TRUE.equals(data.homeFrontInvolved()), now, null, null));
		if (data.kind() != null || data.occurredOn() != null) {
			recordIncident(id, new IncidentData(data.occurredOn() == null ? today() : data.occurredOn(), null,
					data.kind() == null ? IncidentKind.OTHER : data.kind(), IncidentChannel.OTHER, Perpetrator.UNKNOWN,
					PoliceReport.UNKNOWN, data.homeFrontInvolved(), null), null, now);
		}
		retention.startClock(new SubjectId(id), RetentionKind.UNCONFIRMED_PUBLIC_REQUEST, now);
		return new Receipt(id, store.find(id).orElseThrow().reference(), code);
	}

	/** The request with a receipt code, if any (one slow hash); the caller throttles wrong codes. */
	@Transactional(readOnly = true)
	public Optional<UUID> redeem(String typedCode) {
		return store.findByReceipt(typedCode);
	}

	/**
	 * What the holder of the receipt code sees: as a client would, with the reads recorded; nothing once the request is
	 * linked to the person it is about (then it is theirs, and the code may be in someone else's hands).
	 */
	@Transactional(readOnly = true)
	public Optional<SupportRequestView> findForReceiptHolder(UUID id) {
		return receiptRequest(store.find(id)).map(row -> {
			events.publishEvent(new RequestRead(id, true, null, null));
			return store.view(row, true, clock.instant(), deadlines);
		});
	}

	/**
	 * The reference of a request that came through the public form, and whether it is closed: all that the receipt
	 * holder still learns once it was taken over, so that they can be asked to evaluate the support (no content).
	 */
	@Transactional(readOnly = true)
	public Optional<ReceiptStatus> receiptStatus(UUID id) {
		return store.find(id)
			.filter(row -> row.channel() == Channel.PUBLIC_FORM)
			.map(row -> new ReceiptStatus(row.reference(), row.status() == RequestStatus.CLOSED));
	}

	public record ReceiptStatus(String reference, boolean closed) {
	}

	/** Whether this public request was taken over: linked to the person it is about, out of the receipt's reach. */
	@Transactional(readOnly = true)
	public boolean takenOver(UUID id) {
		return store.find(id).filter(row -> row.channel() == Channel.PUBLIC_FORM && row.subjectId() != null).isPresent();
	}

	/** The receipt holder adds information, while the request is not linked; it reaches the coordinators as a message. */
	public Optional<SupportRequestView> addInformationWithReceipt(UUID id, String text) {
		Optional<Row> row = receiptRequest(store.lock(id));
		row.ifPresent(found -> addMessage(found, text, null, null));
		return row.map(found -> store.view(store.find(id).orElseThrow(), true, clock.instant(), deadlines));
	}

	/** One request, opened; the read is recorded, and so is a refusal (then empty). */
	@Transactional(readOnly = true)
	@PreAuthorize("isAuthenticated()")
	public Optional<SupportRequestView> find(UUID id, Actor by) {
		return visible(store.find(id), id, by).map(row -> {
			events.publishEvent(new RequestRead(id, true, by.id(), by.role()));
			return store.view(row, CLIENT.equals(by.role()), clock.instant(), deadlines);
		});
	}

	/**
	 * Records the warning behaviours and sets the level of concern; a new request becomes triaged. The suggestion is
	 * computed and kept beside the level, never instead of it. The first-contact deadline follows the level.
	 */
	@PreAuthorize("hasRole('COORDINATOR')")
	public Optional<SupportRequestView> triage(UUID id, TriageData data, Actor by) {
		Optional<Row> found = visible(store.lock(id), id, by);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Row row = found.get();
		List<Violation> violations = new ArrayList<>();
		if (data.concernLevel() == null) {
			violations.add(new Violation("concernLevel", "field.required"));
		}
		Map<WarningBehaviour, Answer> answers = data.warningBehaviours() == null ? Map.of() : data.warningBehaviours();
		Map<WarningBehaviour, String> evidence = data.evidence() == null ? Map.of() : data.evidence();
		answers.forEach((behaviour, answer) -> {
			if (behaviour == null || answer == null) {
				violations.add(new Violation("warningBehaviours", "intake.triage.answer"));
			}
		});
		evidence.forEach((behaviour, text) -> Refused.checkText(violations, "evidence." + behaviour, text, TEXT_MAX, false));
		Refused.checkText(violations, "acuteActions", data.acuteActions(), SUMMARY_MAX, false);
		if (!violations.isEmpty()) {
			throw new Refused(violations, false);
		}
		if (!row.status().isOpen()) {
			throw Refused.conflict("status", "intake.status.final");
		}
		Instant now = clock.instant();
		store.saveAnswers(id, answers, evidence);
		ConcernSuggestion suggestion = ConcernSuggestion.of(store.answers(id), facts(id));
		store.saveTriage(id, data.concernLevel(), suggestion.level(), deadlines.dueAt(row.createdAt(), data.concernLevel()),
				strip(data.acuteActions()), by, now);
		if (row.concernLevel() != data.concernLevel()) {
			events.publishEvent(new ConcernLevelSet(id, row.concernLevel(), data.concernLevel(), suggestion.level(), by.id(),
					by.role()));
		}
		if (row.status() == RequestStatus.NEW) {
			moveTo(row, RequestStatus.TRIAGED, null, by, now);
		}
		retention.stopClock(new SubjectId(id));
		return Optional.of(store.view(store.find(id).orElseThrow(), false, now, deadlines));
	}

	/** What the rules would suggest for these answers and the request's incidents, without saving anything. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('COORDINATOR')")
	public ConcernSuggestion suggest(UUID id, Map<WarningBehaviour, Answer> answers) {
		return ConcernSuggestion.of(answers, facts(id));
	}

	/**
	 * Moves a request on (or back) by the lifecycle's rules: {@code 409} for a move that is not allowed now, for an
	 * acute request whose actions were not recorded, or for {@code ASSIGNED} (that takes a supporter's acceptance); a
	 * reason where one is needed.
	 */
	@PreAuthorize("hasRole('COORDINATOR')")
	public Optional<SupportRequestView> changeStatus(UUID id, RequestStatus to, String reason, Actor by) {
		Optional<Row> found = visible(store.lock(id), id, by);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Row row = found.get();
		if (to == null) {
			throw Refused.invalid("status", "field.required");
		}
		if (reason != null && reason.strip().length() > TEXT_MAX) {
			throw Refused.invalid("reason", "field.tooLong");
		}
		if (!RequestLifecycle.allows(row.status(), to)) {
			throw Refused.conflict("status", row.status().isOpen() ? "intake.status.notAllowed" : "intake.status.final");
		}
		if (to == RequestStatus.TRIAGED && row.concernLevel() == null) {
			throw Refused.conflict("concernLevel", "intake.status.triageFirst");
		}
		if (to == RequestStatus.ASSIGNED) {
			// a request is assigned when a supporter accepts a proposal (matching), never by hand
			throw Refused.conflict("status", "intake.status.viaMatching");
		}
		if (row.concernLevel() == ConcernLevel.ACUTE && !row.acuteActionsRecorded() && to != RequestStatus.WITHDRAWN) {
			throw Refused.conflict("acuteActions", "intake.acute.actionsRequired");
		}
		if (RequestLifecycle.needsReason(row.status(), to) && blank(reason)) {
			throw Refused.invalid("reason", "intake.status.reasonRequired");
		}
		Instant now = clock.instant();
		moveTo(row, to, strip(reason), by, now);
		if (!to.isOpen()) {
			retention.startClock(new SubjectId(id), RetentionKind.CLOSED_CASE, now);
		}
		return Optional.of(store.view(store.find(id).orElseThrow(), false, now, deadlines));
	}

	/** Adds an incident to an open request; a client to their own. */
	@PreAuthorize("hasAnyRole('COORDINATOR', 'CLIENT')")
	public Optional<SupportRequestView> addIncident(UUID id, IncidentData data, Actor by) {
		Optional<Row> found = visible(store.lock(id), id, by);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		List<Violation> violations = new ArrayList<>();
		checkIncident(violations, "", data);
		if (!violations.isEmpty()) {
			throw new Refused(violations, false);
		}
		if (!found.get().status().isOpen()) {
			throw Refused.conflict("status", "intake.status.final");
		}
		if (store.incidentCount(id) >= limits.incidentsPerRequest()) {
			throw Refused.invalid("incident", "intake.incidents.tooMany");
		}
		Instant now = clock.instant();
		recordIncident(id, data, by, now);
		store.touch(id, now);
		return Optional.of(store.view(store.find(id).orElseThrow(), CLIENT.equals(by.role()), now, deadlines));
	}

	/**
	 * A coordinator or the assigned supporter writes to the requester; a client adds information to their own
	 * request.
	 */
	@PreAuthorize("hasAnyRole('COORDINATOR', 'CLIENT', 'SUPPORTER')")
	public Optional<SupportRequestView> addMessage(UUID id, String text, Actor by) {
		Optional<Row> found = visible(store.lock(id), id, by);
		found.ifPresent(row -> addMessage(row, text, by.id(), by.role()));
		return found.map(row -> store.view(store.find(id).orElseThrow(), CLIENT.equals(by.role()), clock.instant(), deadlines));
	}

	/** Links a pseudonymous request to the person it turned out to be about. */
	@PreAuthorize("hasRole('COORDINATOR')")
	public Optional<SupportRequestView> linkSubject(UUID id, UUID subjectId, Actor by) {
		Optional<Row> found = visible(store.lock(id), id, by);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		PersonConcerned concerned = registry.concerned(subjectId, by)
			.orElseThrow(() -> Refused.invalid("subjectId", "intake.subject.unknown"));
		if (found.get().subjectId() != null) {
			throw Refused.conflict("subjectId", "intake.subject.alreadyLinked");
		}
		Context context = context(concerned);
		Instant now = clock.instant();
		store.linkSubject(id, concerned.subjectId(), concerned.homeFront(), concerned.officeHolderId(), context.function(),
				context.body(), now);
		retention.stopClock(new SubjectId(id));
		events.publishEvent(new RequestSubjectLinked(id, by.id(), by.role()));
		return Optional.of(store.view(store.find(id).orElseThrow(), false, now, deadlines));
	}

	/**
	 * The home-front member a request is about shares it with their office holder's account, or stops sharing it; it
	 * takes effect at once. A coordinator may set it on the member's word. Anyone else (the office holder too) gets
	 * an empty answer; for a request that is not a home-front member's, {@code 409}.
	 */
	@PreAuthorize("hasAnyRole('COORDINATOR', 'CLIENT')")
	public Optional<SupportRequestView> share(UUID id, boolean shared, Actor by) {
		Optional<Row> found = visible(store.lock(id), id, by);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Row row = found.get();
		if (CLIENT.equals(by.role())
				&& (row.subjectId() == null || !row.subjectId().equals(registry.ownSubject(by).orElse(null)))) {
			events.publishEvent(new RequestRead(id, false, by.id(), by.role()));
			return Optional.empty();
		}
		if (!row.homeFront()) {
			throw Refused.conflict("sharedWithOfficeHolder", "intake.sharing.notHomeFront");
		}
		if (row.sharedWithOfficeHolder() != shared) {
			store.share(id, shared, clock.instant());
			events.publishEvent(new RequestSharingChanged(id, shared, by.id(), by.role()));
		}
		return Optional.of(store.view(store.find(id).orElseThrow(), CLIENT.equals(by.role()), clock.instant(), deadlines));
	}

	/**
	 * What matching needs of requests: categories and wishes, no content. Unknown ids are left out.
	 *
	 * @param subjectId the office holder or home-front member; null while pseudonymous
	 */
	public record Facts(UUID id, String reference, RequestStatus status, ConcernLevel level, OfficeFunction function,
			String bodyCode, UUID subjectId, UUID officeHolderId, boolean homeFront, boolean notSameParty,
			nl.weerbaar.team.Gender supporterGender, String language, java.util.Set<IncidentKind> incidentKinds, Instant dueAt,
			Instant firstContactAt) {
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public List<Facts> facts(java.util.Collection<UUID> ids) {
		Map<UUID, java.util.Set<IncidentKind>> kinds = store.incidentKinds(ids);
		return store.findAll(ids)
			.stream()
			.map(row -> new Facts(row.id(), row.reference(), row.status(), row.concernLevel(), row.function(), row.bodyCode(),
					row.subjectId(), row.officeHolderId(), row.homeFront(), row.notSameParty(), row.supporterGender(),
					row.language(), kinds.getOrDefault(row.id(), java.util.Set.of()), row.dueAt(), row.firstContactAt()))
			.toList();
	}

	/**
	 * Matching moves a request along as proposals are made and answered: to {@code MATCHING} when a supporter is
	 * proposed or declines, to {@code ASSIGNED} when one accepts (their account may then open the request). The
	 * lifecycle's rules apply, the acute gate too.
	 */
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public void assignmentChanged(UUID id, RequestStatus to, UUID supporterAccount, String reason, Actor by) {
		Row row = store.lock(id).orElseThrow(() -> Refused.invalid("requestId", "intake.request.unknown"));
		if (row.status() != to) {
			if (!RequestLifecycle.allows(row.status(), to)) {
				throw Refused.conflict("status", row.status().isOpen() ? "intake.status.notAllowed" : "intake.status.final");
			}
			if (row.concernLevel() == ConcernLevel.ACUTE && !row.acuteActionsRecorded()) {
				throw Refused.conflict("acuteActions", "intake.acute.actionsRequired");
			}
			moveTo(row, to, reason, by, clock.instant());
		}
		store.assign(id, to == RequestStatus.ASSIGNED || to == RequestStatus.ACTIVE ? supporterAccount : null);
	}

	/** An open request whose first contact is overdue; {@code assignedAccount} is null while no supporter has it. */
	public record OverdueFirstContact(UUID requestId, UUID assignedAccount, Instant dueAt) {
	}

	/** Every open request whose first contact is overdue now (for reminders; no content). */
	@Transactional(readOnly = true)
	public List<OverdueFirstContact> overdueFirstContacts() {
		return store.overdueFirstContacts(clock.instant());
	}

	/**
	 * The case moves the request along: the first contact (which ends the intake deadline) makes an assigned request
	 * active; closing the case closes the request. Only its coordinators and its assigned supporter may.
	 */
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public void caseProgressed(UUID id, RequestStatus to, Instant firstContactAt, String reason, Actor by) {
		Row row = visible(store.lock(id), id, by).orElseThrow(() -> Refused.invalid("requestId", "intake.request.unknown"));
		Instant now = clock.instant();
		if (firstContactAt != null) {
			store.firstContact(id, firstContactAt);
		}
		if (to != null && row.status() != to) {
			if (!RequestLifecycle.allows(row.status(), to) || (to != RequestStatus.ACTIVE && to != RequestStatus.CLOSED)) {
				throw Refused.conflict("status", row.status().isOpen() ? "intake.status.notAllowed" : "intake.status.final");
			}
			moveTo(row, to, strip(reason), by, now);
			if (!to.isOpen()) {
				retention.startClock(new SubjectId(id), RetentionKind.CLOSED_CASE, now);
			}
		}
	}

	/** Open requests (or those with the filter's status) by due time: all for a coordinator, their own for a client. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'CLIENT')")
	public Page<Queue.Item> list(Queue.Filter filter, Pageable pageable, Actor by) {
		RequestStore.ClientScope scope = clientScope(by);
		// a client filtering by level or by overdue would learn what their view hides
		Queue.Filter allowed = scope == null ? filter : new Queue.Filter(null, filter.function(), filter.provinceCode(),
				filter.status(), false, filter.receivedOn());
		return store.queue(allowed, pageable, scope, clock.instant());
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('COORDINATOR')")
	public Queue.Counts counts(Queue.Filter filter) {
		return store.counts(filter, clock.instant());
	}

	/**
	 * Whether a client decides for the person a request is about: it is about them, or they filed it (for their home
	 * front). A home-front member's sharing lets the office holder see the request, not decide for the member.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('CLIENT')")
	public boolean decidesFor(UUID id, Actor by) {
		UUID own = registry.ownSubject(by).orElse(null);
		return store.find(id)
			.filter(row -> by.id().equals(row.createdBy()) || (own != null && own.equals(row.subjectId())))
			.isPresent();
	}

	/** A client's own requests, those they filed, and those their home front shares with them; newest first. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('CLIENT')")
	public List<MyRequest> mine(Actor by) {
		return store.mine(clientScope(by));
	}

	private void moveTo(Row row, RequestStatus to, String reason, Actor by, Instant now) {
		store.setStatus(row.id(), to, now);
		if (to == RequestStatus.MATCHING || to == RequestStatus.TRIAGED || to == RequestStatus.WITHDRAWN) {
			// the supporter is taken off (or the request withdrawn): their access ends at once
			store.assign(row.id(), null);
		}
		store.recordStatus(row.id(), row.status(), to, reason, by, now);
		events.publishEvent(new RequestStatusChanged(row.id(), row.status(), to, now, by == null ? null : by.id(),
				by == null ? null : by.role()));
	}

	private void addMessage(Row row, String text, UUID by, String role) {
		List<Violation> violations = new ArrayList<>();
		Refused.checkText(violations, "message", text, TEXT_MAX, true);
		if (!violations.isEmpty()) {
			throw new Refused(violations, false);
		}
		if (!row.status().isOpen()) {
			throw Refused.conflict("status", "intake.status.final");
		}
		String author = COORDINATOR.equals(role) || SUPPORTER.equals(role) ? role : "REQUESTER";
		Instant now = clock.instant();
		// the request's row is locked: messages sent at once on several nodes are counted one after the other
		if (store.messagesSince(row.id(), author, now.minus(java.time.Duration.ofHours(1))) >= limits.messagesPerHour()) {
			throw Refused.invalid("message", "intake.message.tooMany");
		}
		store.addMessage(row.id(), author, by, text.strip(), now);
		store.touch(row.id(), now);
		events.publishEvent(new RequestMessageAdded(row.id(), author, by, role));
	}

	private void recordIncident(UUID request, IncidentData data, Actor by, Instant now) {
		IncidentView incident = store.addIncident(request, data, by == null ? null : by.id(), now);
		events.publishEvent(new IncidentRecorded(request, incident.id(), incident.occurredOn(), incident.kind(),
				incident.channel(), incident.perpetrator(), incident.policeReport(), incident.homeFrontInvolved(),
				by == null ? null : by.id(), by == null ? null : by.role()));
	}

	/**
	 * A coordinator sees every request; a client those about themselves, those they filed, and (an office holder)
	 * those their home front shares with them; a supporter the ones they accepted, for as long as they have them.
	 */
	private Optional<Row> visible(Optional<Row> row, UUID id, Actor by) {
		Optional<Row> allowed = row.filter(found -> switch (by.role()) {
			case COORDINATOR -> true;
			case CLIENT -> clientScope(by).includes(found);
			case SUPPORTER -> by.id().equals(found.assignedAccount());
			default -> false;
		});
		if (allowed.isEmpty()) {
			events.publishEvent(new RequestRead(id, false, by.id(), by.role()));
		}
		return allowed;
	}

	private static Optional<Row> receiptRequest(Optional<Row> row) {
		return row.filter(found -> found.channel() == Channel.PUBLIC_FORM && found.subjectId() == null);
	}

	private RequestStore.ClientScope clientScope(Actor by) {
		if (!CLIENT.equals(by.role())) {
			return null;
		}
		return new RequestStore.ClientScope(by.id(), registry.officeHolderOf(by).orElse(null), registry.ownSubject(by).orElse(null));
	}

	private List<IncidentFacts> facts(UUID id) {
		return store.incidents(id, false)
			.stream()
			.map(incident -> new IncidentFacts(incident.kind(), incident.perpetrator(), incident.homeFrontInvolved()))
			.toList();
	}

	private void checkIncident(List<Violation> violations, String prefix, IncidentData incident) {
		if (incident == null) {
			violations.add(new Violation(prefix.isEmpty() ? "incident" : prefix.substring(0, prefix.length() - 1), "field.required"));
			return;
		}
		if (incident.occurredOn() == null) {
			violations.add(new Violation(prefix + "occurredOn", "field.required"));
		}
		else if (incident.occurredOn().isAfter(today())) {
			violations.add(new Violation(prefix + "occurredOn", "intake.incident.occurredOn.future"));
		}
		else if (incident.occurredOn().isBefore(LocalDate.of(1990, 1, 1))) {
			violations.add(new Violation(prefix + "occurredOn", "intake.incident.occurredOn.tooOld"));
		}
		if (incident.kind() == null) {
			violations.add(new Violation(prefix + "kind", "field.required"));
		}
		if (incident.channel() == null) {
			violations.add(new Violation(prefix + "channel", "field.required"));
		}
		Refused.checkText(violations, prefix + "description", incident.description(), SUMMARY_MAX, false);
	}

	/** The function and body a request concerns: the office holder's current term. */
	private Context context(PersonConcerned concerned) {
		return concerned.currentTerm(today())
			.map(term -> new Context(term.function(), bodies.byCode(term.bodyCode()).orElse(null)))
			.orElse(new Context(null, null));
	}

	private Context context(OfficeFunction function, String bodyCode, List<Violation> violations) {
		if (blank(bodyCode)) {
			return new Context(function, null);
		}
		Optional<Body> body = bodyCode.strip().matches("[A-Za-z]{2}\\d{2,4}") ? bodies.byCode(bodyCode) : Optional.empty();
		if (body.isEmpty()) {
			violations.add(new Violation("bodyCode", "intake.body.unknown"));
			return new Context(function, null);
		}
		if (function != null && function.bodyKind() != body.get().kind()) {
			violations.add(new Violation("bodyCode", "term.body.wrongKind." + function.bodyKind()));
		}
		return new Context(function, body.get());
	}

	private record Context(OfficeFunction function, Body body) {
	}

	private static String bodyCode(Context context) {
		return context.body() == null ? null : context.body().code();
	}

	private LocalDate today() {
		return clock.instant().atZone(FirstContactDeadlines.AMSTERDAM).toLocalDate();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String strip(String value) {
		return blank(value) ? null : value.strip();
	}
}
