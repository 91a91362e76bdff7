package nl.weerbaar.matching;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.weerbaar.intake.ConcernLevel;
import nl.weerbaar.intake.FirstContactDeadlines;
import nl.weerbaar.intake.Intake;
import nl.weerbaar.intake.RequestStatus;
import nl.weerbaar.intake.RequestStatusChanged;
import nl.weerbaar.matching.MatchingEvents.ProposalDeclined;
import nl.weerbaar.matching.MatchingEvents.ProposalExpired;
import nl.weerbaar.matching.MatchingEvents.SupporterAssigned;
import nl.weerbaar.matching.MatchingEvents.SupporterTransferred;
import nl.weerbaar.matching.MatchingEvents.SupporterProposed;
import nl.weerbaar.matching.Suggestions.ReasonView;
import nl.weerbaar.matching.internal.Assignments;
import nl.weerbaar.matching.internal.MatchingProperties;
import nl.weerbaar.matching.internal.Profiles;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.shared.Refused;
import nl.weerbaar.shared.Refused.Violation;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Matching requests with supporters: suggestions with their reasons and exclusions, proposals checked again inside the
 * transaction that makes them (so no two coordinators over-fill a supporter), the supporter's answer, expiry of
 * unanswered proposals, and the optimal batch after a mass incident. Only coordinators match; a supporter sees only
 * the proposals made to them.
 */
@Service
@Transactional
public class Matching {

	private final Intake intake;
	private final Profiles profiles;
	private final Assignments assignments;
	private final MatchingPolicy policy;
	private final MatchingProperties properties;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate eachOnItsOwn;
	private final Clock clock;

	Matching(Intake intake, Profiles profiles, Assignments assignments, MatchingProperties properties,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
		this.intake = intake;
		this.profiles = profiles;
		this.assignments = assignments;
		this.policy = new MatchingPolicy(properties.rules());
		this.properties = properties;
		this.events = events;
		this.eachOnItsOwn = new TransactionTemplate(transactions);
		this.eachOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Eligible supporters best first with the reasons of their score, and every excluded one with why. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('COORDINATOR')")
	public Optional<Suggestions> suggestions(UUID requestId, Actor by) {
		return facts(requestId).map(facts -> {
			RequestProfile request = profiles.request(facts);
			Set<UUID> passedOver = assignments.passedOver(List.of(requestId)).getOrDefault(requestId, Set.of());
			Locale locale = LocaleContextHolder.getLocale();
			List<Suggestions.Suggestion> eligible = new ArrayList<>();
			List<Suggestions.Excluded> excluded = new ArrayList<>();
			for (SupporterProfile supporter : profiles.supporters()) {
				List<Reason> exclusions = policy.exclusions(request, supporter, passedOver, today());
				if (exclusions.isEmpty()) {
					List<Reason> contributions = policy.contributions(request, supporter);
					eligible.add(new Suggestions.Suggestion(supporter.id(), supporter.name(), supporter.kind(),
							MatchingPolicy.total(contributions), views(contributions, locale, true)));
				}
				else {
					excluded.add(new Suggestions.Excluded(supporter.id(), supporter.name(), supporter.kind(),
							views(exclusions, locale, false)));
				}
			}
			eligible.sort(Comparator.comparingInt(Suggestions.Suggestion::score).reversed().thenComparing(Suggestions.Suggestion::name));
			excluded.sort(Comparator.comparing(Suggestions.Excluded::name));
			return new Suggestions(eligible, excluded);
		});
	}

	/**
	 * Proposes a supporter. The hard rules are checked again here, with the supporter locked, so two coordinators can
	 * never over-fill one supporter: a supporter no longer eligible gets a 409 with the reasons.
	 */
	@PreAuthorize("hasRole('COORDINATOR')")
	public Optional<AssignmentView> propose(UUID requestId, UUID supporterId, Actor by) {
		Optional<Intake.Facts> found = facts(requestId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Intake.Facts facts = found.get();
		if (supporterId == null) {
			throw Refused.invalid("supporterId", "field.required");
		}
		if (facts.status() != RequestStatus.TRIAGED && facts.status() != RequestStatus.MATCHING) {
			throw Refused.conflict("status", facts.status() == RequestStatus.NEW ? "matching.request.triageFirst"
					: "matching.request.notWaiting");
		}
		assignments.lockSupporter(supporterId);
		SupporterProfile supporter = profiles.supporters()
			.stream()
			.filter(s -> s.id().equals(supporterId))
			.findFirst()
			.orElseThrow(() -> Refused.invalid("supporterId", "matching.supporter.unknown"));
		RequestProfile request = profiles.request(facts);
		List<Reason> exclusions = policy.exclusions(request, supporter,
				assignments.passedOver(List.of(requestId)).getOrDefault(requestId, Set.of()), today());
		if (!exclusions.isEmpty()) {
			throw new Refused(exclusions.stream().map(r -> new Violation("supporterId", "matching.excluded." + r.code())).toList(), true);
		}
		int score = MatchingPolicy.total(policy.contributions(request, supporter));
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		try {
			assignments.insert(id, requestId, supporterId, facts.officeHolderId(), score, now, by.id(),
					now.plus(properties.proposalExpiry()));
		}
		catch (DuplicateKeyException alreadyLive) {
			throw Refused.conflict("requestId", "matching.request.notWaiting");
		}
		intake.assignmentChanged(requestId, RequestStatus.MATCHING, null, null, by);
		events.publishEvent(new SupporterProposed(id, requestId, supporterId, by.id(), by.role()));
		return Optional.of(view(assignments.lock(id).orElseThrow(), facts.reference(), supporter.name()));
	}

	/** The supporter accepts: the request is assigned to them and they may open it. */
	@PreAuthorize("hasRole('SUPPORTER')")
	public Optional<AssignmentView> accept(UUID assignmentId, Actor by) {
		return own(assignmentId, by).map(row -> {
			requireOpen(row);
			Instant now = clock.instant();
			assignments.answer(row.id(), AssignmentStatus.ACCEPTED, null, now);
			intake.assignmentChanged(row.requestId(), RequestStatus.ASSIGNED, by.id(), null, by);
			events.publishEvent(new SupporterAssigned(row.id(), row.requestId(), row.supporterId(), by.id(), by.id(), by.role()));
			return view(assignments.lock(row.id()).orElseThrow(), null, null);
		});
	}

	/**
	 * A coordinator moves an assigned request to another supporter, under the same hard rules as a proposal; it needs
	 * no acceptance. The previous supporter's access ends at once.
	 */
	@PreAuthorize("hasRole('COORDINATOR')")
	public AssignmentView transfer(UUID requestId, UUID supporterId, Actor by) {
		Intake.Facts facts = facts(requestId).orElseThrow(() -> Refused.invalid("requestId", "intake.request.unknown"));
		if (supporterId == null) {
			throw Refused.invalid("supporterId", "field.required");
		}
		if (facts.status() != RequestStatus.ASSIGNED && facts.status() != RequestStatus.ACTIVE) {
			throw Refused.conflict("status", "matching.transfer.notAssigned");
		}
		assignments.lockSupporter(supporterId);
		Assignments.Row current = assignments.ofRequest(requestId)
			.stream()
			.filter(row -> row.status() == AssignmentStatus.ACCEPTED)
			.findFirst()
			.orElseThrow(() -> Refused.conflict("status", "matching.transfer.notAssigned"));
		if (current.supporterId().equals(supporterId)) {
			throw Refused.conflict("supporterId", "matching.transfer.sameSupporter");
		}
		SupporterProfile supporter = profiles.supporters()
			.stream()
			.filter(s -> s.id().equals(supporterId))
			.findFirst()
			.orElseThrow(() -> Refused.invalid("supporterId", "matching.supporter.unknown"));
		UUID account = profiles.supportersWithAccounts().get(supporterId);
		if (account == null) {
			throw Refused.conflict("supporterId", "matching.transfer.noAccount");
		}
		RequestProfile request = profiles.request(facts);
		List<Reason> exclusions = policy.exclusions(request, supporter,
				assignments.passedOver(List.of(requestId)).getOrDefault(requestId, Set.of()), today());
		if (!exclusions.isEmpty()) {
			throw new Refused(exclusions.stream().map(r -> new Violation("supporterId", "matching.excluded." + r.code())).toList(), true);
		}
		Instant now = clock.instant();
		assignments.endLive(requestId, now, false);
		UUID id = UUID.randomUUID();
		assignments.insert(id, requestId, supporterId, facts.officeHolderId(), MatchingPolicy.total(policy.contributions(request, supporter)),
				now, by.id(), now);
		assignments.answer(id, AssignmentStatus.ACCEPTED, null, now);
		intake.assignmentChanged(requestId, facts.status(), account, null, by);
		events.publishEvent(new SupporterTransferred(id, requestId, current.supporterId(), supporterId, account, by.id(), by.role()));
		return view(assignments.lock(id).orElseThrow(), facts.reference(), supporter.name());
	}

	/** The supporter declines with a reason: the request waits for another supporter, and this one is passed over. */
	@PreAuthorize("hasRole('SUPPORTER')")
	public Optional<AssignmentView> decline(UUID assignmentId, DeclineReason reason, Actor by) {
		if (reason == null) {
			throw Refused.invalid("reason", "field.required");
		}
		return own(assignmentId, by).map(row -> {
			requireOpen(row);
			assignments.answer(row.id(), AssignmentStatus.DECLINED, reason, clock.instant());
			events.publishEvent(new ProposalDeclined(row.id(), row.requestId(), row.supporterId(), reason, by.id(), by.role()));
			return view(assignments.lock(row.id()).orElseThrow(), null, null);
		});
	}

	/** The open proposal of this request made to this supporter, if there is one. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('SUPPORTER')")
	public Optional<UUID> proposalFor(UUID requestId, Actor by) {
		Optional<UUID> supporter = profiles.supporterOf(by.id()).map(s -> s.id());
		return assignments.ofRequest(requestId)
			.stream()
			.filter(row -> row.status() == AssignmentStatus.PROPOSED && supporter.isPresent() && supporter.get().equals(row.supporterId()))
			.map(Assignments.Row::id)
			.findFirst();
	}

	/** The proposals made to this supporter, newest first. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('SUPPORTER')")
	public List<AssignmentView> mine(Actor by) {
		return profiles.supporterOf(by.id())
			.map(supporter -> named(assignments.ofSupporter(supporter.id()), by))
			.orElse(List.of());
	}

	/** Every proposal made for a request. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('COORDINATOR')")
	public List<AssignmentView> ofRequest(UUID requestId, Actor by) {
		return named(assignments.ofRequest(requestId), by);
	}

	/** The supporter who accepted each of these requests (the current one, or the last for a closed request). */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('COORDINATOR')")
	public Map<UUID, AssignmentView> accepted(java.util.Collection<UUID> requestIds) {
		Map<UUID, AssignmentView> accepted = new HashMap<>();
		for (Assignments.Row row : assignments.accepted(requestIds)) {
			accepted.putIfAbsent(row.requestId(), view(row, null, null));
		}
		return accepted;
	}

	/** Declined and expired proposals whose request still waits: the coordinators pick someone else. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('COORDINATOR')")
	public List<AssignmentView> needingAttention(Actor by) {
		List<Assignments.Row> rows = assignments.needingAttention();
		Set<UUID> waiting = intake.facts(rows.stream().map(Assignments.Row::requestId).toList())
			.stream()
			.filter(f -> f.status() == RequestStatus.MATCHING || f.status() == RequestStatus.TRIAGED)
			.map(Intake.Facts::id)
			.collect(Collectors.toSet());
		return named(rows.stream().filter(row -> waiting.contains(row.requestId())).toList(), by);
	}

	/**
	 * The optimal batch for these requests (nothing is proposed yet): higher levels of concern first, then as many as
	 * possible, then the highest total score, under every hard rule and each supporter's room.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('COORDINATOR')")
	public BatchPreview preview(List<UUID> requestIds, Actor by) {
		List<UUID> ids = requestIds == null ? List.of() : requestIds.stream().distinct().toList();
		if (ids.isEmpty()) {
			throw Refused.invalid("requestIds", "matching.batch.empty");
		}
		if (ids.size() > BatchSolver.MAX_REQUESTS) {
			throw Refused.invalid("requestIds", "matching.batch.tooMany");
		}
		Locale locale = LocaleContextHolder.getLocale();
		Map<UUID, Intake.Facts> facts = intake.facts(ids).stream().collect(Collectors.toMap(Intake.Facts::id, Function.identity()));
		Set<UUID> live = assignments.withLive(facts.keySet());
		Map<UUID, Set<UUID>> passedOver = assignments.passedOver(facts.keySet());
		List<BatchPreview.Unassigned> unassigned = new ArrayList<>();
		List<Intake.Facts> waiting = new ArrayList<>();
		for (UUID id : ids) {
			Intake.Facts f = facts.get(id);
			if (f == null) {
				unassigned.add(new BatchPreview.Unassigned(id, null, null, List.of(reason("UNKNOWN", locale))));
			}
			else if ((f.status() != RequestStatus.TRIAGED && f.status() != RequestStatus.MATCHING) || live.contains(id)) {
				unassigned.add(new BatchPreview.Unassigned(id, f.reference(), f.level(),
						List.of(reason(f.status() == RequestStatus.NEW ? "NOT_TRIAGED" : "NOT_WAITING", locale))));
			}
			else {
				waiting.add(f);
			}
		}
		List<SupporterProfile> supporters = profiles.supporters();
		List<BatchSolver.Candidate> candidates = new ArrayList<>();
		int[] tiers = new int[waiting.size()];
		LocalDate today = today();
		List<RequestProfile> requests = profiles.requests(waiting);
		for (int r = 0; r < waiting.size(); r++) {
			Intake.Facts f = waiting.get(r);
			tiers[r] = f.level() == null ? 0 : f.level().ordinal();
			RequestProfile request = requests.get(r);
			for (int s = 0; s < supporters.size(); s++) {
				SupporterProfile supporter = supporters.get(s);
				if (policy.exclusions(request, supporter, passedOver.getOrDefault(f.id(), Set.of()), today).isEmpty()) {
					int score = Math.min(BatchSolver.MAX_SCORE, MatchingPolicy.total(policy.contributions(request, supporter)));
					candidates.add(new BatchSolver.Candidate(r, s, score));
				}
			}
		}
		int[] room = supporters.stream().mapToInt(s -> Math.max(0, s.capacity() - s.openCases())).toArray();
		long started = System.nanoTime();
		BatchSolver.Solution solution = BatchSolver.solve(new BatchSolver.Problem(tiers, room, candidates));
		long millis = (System.nanoTime() - started) / 1_000_000;
		Set<Integer> hadCandidates = candidates.stream().map(BatchSolver.Candidate::request).collect(Collectors.toSet());
		Map<Integer, Integer> scoreOf = new HashMap<>();
		candidates.forEach(c -> scoreOf.put(c.request() * supporters.size() + c.supporter(), c.score()));
		List<BatchPreview.Assignment> assigned = new ArrayList<>();
		Map<ConcernLevel, Integer> perLevel = new EnumMap<>(ConcernLevel.class);
		for (int r = 0; r < waiting.size(); r++) {
			Intake.Facts f = waiting.get(r);
			int s = solution.supporterOf()[r];
			if (s >= 0) {
				SupporterProfile supporter = supporters.get(s);
				assigned.add(new BatchPreview.Assignment(f.id(), f.reference(), f.level(), supporter.id(), supporter.name(),
						scoreOf.get(r * supporters.size() + s)));
				perLevel.merge(f.level() == null ? ConcernLevel.LOW : f.level(), 1, Integer::sum);
			}
			else {
				unassigned.add(new BatchPreview.Unassigned(f.id(), f.reference(), f.level(),
						List.of(reason(hadCandidates.contains(r) ? "NO_ROOM_LEFT" : "NO_ELIGIBLE_SUPPORTER", locale))));
			}
		}
		assigned.sort(Comparator.comparing((BatchPreview.Assignment a) -> a.level() == null ? -1 : a.level().ordinal()).reversed()
			.thenComparing(BatchPreview.Assignment::reference));
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (int i = ConcernLevel.values().length - 1; i >= 0; i--) {
			counts.put(ConcernLevel.values()[i].name(), perLevel.getOrDefault(ConcernLevel.values()[i], 0));
		}
		return new BatchPreview(assigned, unassigned, counts, ids.size(), millis);
	}

	/** Proposes what the coordinator kept of a preview, each checked again on its own; refusals come back with why. */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	@PreAuthorize("hasRole('COORDINATOR')")
	public BatchPreview.Result commit(List<BatchPreview.Assignment> chosen, Actor by) {
		if (chosen != null && chosen.size() > BatchSolver.MAX_REQUESTS) {
			throw Refused.invalid("assignments", "matching.batch.tooMany");
		}
		List<AssignmentView> proposed = new ArrayList<>();
		List<BatchPreview.Unassigned> refused = new ArrayList<>();
		Locale locale = LocaleContextHolder.getLocale();
		for (BatchPreview.Assignment pick : chosen == null ? List.<BatchPreview.Assignment>of() : chosen) {
			try {
				eachOnItsOwn.executeWithoutResult(status -> propose(pick.requestId(), pick.supporterId(), by).ifPresentOrElse(proposed::add,
						() -> refused.add(new BatchPreview.Unassigned(pick.requestId(), pick.reference(), pick.level(),
								List.of(reason("UNKNOWN", locale))))));
			}
			catch (Refused no) {
				refused.add(new BatchPreview.Unassigned(pick.requestId(), pick.reference(), pick.level(), no.violations()
					.stream()
					.map(v -> new ReasonView(v.code(), null, v.code()))
					.toList()));
			}
		}
		return new BatchPreview.Result(proposed, refused);
	}

	/** Every five minutes, on one node: unanswered proposals past their time expire, and the coordinators see the request again. */
	@Scheduled(fixedDelayString = "${weerbaar.matching.expiry-check:PT5M}")
	@SchedulerLock(name = "matching-expire-proposals", lockAtMostFor = "PT10M")
	public void expireProposals() {
		expireDueNow();
	}

	public int expireDueNow() {
		Instant now = clock.instant();
		List<Assignments.Row> due = assignments.dueToExpire(now);
		for (Assignments.Row row : due) {
			assignments.answer(row.id(), AssignmentStatus.EXPIRED, null, now);
			events.publishEvent(new ProposalExpired(row.id(), row.requestId(), row.supporterId()));
		}
		return due.size();
	}

	/**
	 * A request that closes or is withdrawn frees its supporter's place; one sent back to matching or triage takes
	 * the supporter off it (they are then passed over for it).
	 */
	@EventListener
	public void on(RequestStatusChanged changed) {
		if (!changed.to().isOpen()) {
			assignments.endLive(changed.request(), changed.at(), false);
		}
		else if ((changed.to() == RequestStatus.MATCHING || changed.to() == RequestStatus.TRIAGED)
				&& changed.from().ordinal() > changed.to().ordinal()) {
			assignments.endLive(changed.request(), changed.at(), true);
		}
	}

	private Optional<Intake.Facts> facts(UUID requestId) {
		return intake.facts(List.of(requestId)).stream().findFirst();
	}

	/** A proposal made to this supporter; anyone else's answers as unknown. */
	private Optional<Assignments.Row> own(UUID assignmentId, Actor by) {
		Optional<UUID> supporter = profiles.supporterOf(by.id()).map(s -> s.id());
		return assignments.lock(assignmentId).filter(row -> supporter.isPresent() && supporter.get().equals(row.supporterId()));
	}

	private void requireOpen(Assignments.Row row) {
		if (row.status() != AssignmentStatus.PROPOSED) {
			throw Refused.conflict("status", "matching.proposal.answered");
		}
		if (!row.expiresAt().isAfter(clock.instant())) {
			throw Refused.conflict("status", "matching.proposal.expired");
		}
	}

	private List<AssignmentView> named(List<Assignments.Row> rows, Actor by) {
		Map<UUID, String> references = new HashMap<>();
		if (!rows.isEmpty()) {
			intake.facts(rows.stream().map(Assignments.Row::requestId).distinct().toList())
				.forEach(f -> references.put(f.id(), f.reference()));
		}
		Map<UUID, String> names = profiles.names();
		return rows.stream().map(row -> view(row, references.get(row.requestId()), names.get(row.supporterId()))).toList();
	}

	private static AssignmentView view(Assignments.Row row, String reference, String supporterName) {
		return new AssignmentView(row.id(), row.requestId(), reference, row.supporterId(), supporterName, row.status(), row.score(),
				row.proposedAt(), row.expiresAt(), row.answeredAt(), row.declineReason());
	}

	private static List<ReasonView> views(List<Reason> reasons, Locale locale, boolean withPoints) {
		return reasons.stream().map(r -> new ReasonView(r.code(), withPoints ? r.points() : null, r.text(locale))).toList();
	}

	private static ReasonView reason(String code, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		String text = switch (code) {
			case "NOT_TRIAGED" -> english ? "Not triaged yet." : "Nog niet getrieerd.";
			case "NOT_WAITING" -> english ? "Not waiting for a supporter." : "Wacht niet op een ondersteuner.";
			case "NO_ROOM_LEFT" -> english ? "Eligible supporters have no room left after higher priorities."
					: "De passende ondersteuners zijn vol na de hulpvragen met voorrang.";
			case "NO_ELIGIBLE_SUPPORTER" -> english ? "No supporter passes the hard rules." : "Geen ondersteuner voldoet aan de harde regels.";
			default -> english ? "No such request." : "Deze hulpvraag bestaat niet.";
		};
		return new ReasonView(code, null, text);
	}

	private LocalDate today() {
		return clock.instant().atZone(FirstContactDeadlines.AMSTERDAM).toLocalDate();
	}
}
