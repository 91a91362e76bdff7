package nl.weerbaar.matching.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.weerbaar.intake.FirstContactDeadlines;
import nl.weerbaar.intake.Intake;
import nl.weerbaar.intake.Queue;
import nl.weerbaar.intake.RequestStatus;
import nl.weerbaar.matching.MatchingPolicy;
import nl.weerbaar.matching.RequestProfile;
import nl.weerbaar.matching.SupporterProfile;
import nl.weerbaar.platform.Installation;
import nl.weerbaar.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's requests in the hands of supporters (demo profile): every assigned, active or closed demo request gets
 * the best eligible supporter by the policy, within each one's capacity, so that loads, continuity and experience are
 * real. {@code demo-supporter} also gets a proposal to answer. The mass incident stays waiting for a batch.
 */
@Component
@Profile(Installation.DEMO_PROFILE)
@Order(50)
class DemoAssignments implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAssignments.class);
	private static final Actor DESK = new Actor(new UUID(0, 0), "COORDINATOR");

	private final Intake intake;
	private final Profiles profiles;
	private final Assignments assignments;
	private final MatchingProperties properties;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;

	DemoAssignments(Intake intake, Profiles profiles, Assignments assignments, MatchingProperties properties, JdbcClient jdbc,
			TransactionTemplate transaction) {
		this.intake = intake;
		this.profiles = profiles;
		this.assignments = assignments;
		this.properties = properties;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select exists (select 1 from assignment)").query(Boolean.class).single()) {
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo-data", null,
				AuthorityUtils.createAuthorityList("ROLE_COORDINATOR")));
		try {
			transaction.executeWithoutResult(status -> assign());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void assign() {
		MatchingPolicy policy = new MatchingPolicy(properties.rules());
		LocalDate today = LocalDate.now(FirstContactDeadlines.AMSTERDAM);
		List<SupporterProfile> supporters = new ArrayList<>(profiles.supporters());
		Map<UUID, Integer> open = new HashMap<>();
		Map<UUID, UUID> accounts = new HashMap<>();
		profiles.supportersWithAccounts().forEach(accounts::put);
		int made = 0;
		for (RequestStatus status : List.of(RequestStatus.CLOSED, RequestStatus.ACTIVE, RequestStatus.ASSIGNED)) {
			List<UUID> ids = intake.list(new Queue.Filter(null, null, null, status, false), PageRequest.of(0, 5000), DESK)
				.map(Queue.Item::id).getContent();
			List<Intake.Facts> facts = new ArrayList<>(intake.facts(ids));
			facts.sort(Comparator.comparing(Intake.Facts::reference));
			for (Intake.Facts request : facts) {
				RequestProfile profile = profiles.request(request);
				boolean live = status != RequestStatus.CLOSED;
				SupporterProfile best = supporters.stream()
					.map(s -> withOpen(s, open.getOrDefault(s.id(), 0)))
					.filter(s -> policy.exclusions(profile, s, Set.of(), today).isEmpty())
					.max(Comparator.comparingInt((SupporterProfile s) -> MatchingPolicy.total(policy.contributions(profile, s)))
						.thenComparing(SupporterProfile::name))
					.orElse(null);
				if (best == null) {
					continue;
				}
				UUID id = UUID.randomUUID();
				Instant at = Instant.now().minus(Duration.ofDays(1));
				assignments.insert(id, request.id(), best.id(), request.officeHolderId(),
						MatchingPolicy.total(policy.contributions(profile, best)), at, DESK.id(), at.plus(properties.proposalExpiry()));
				assignments.answer(id, nl.weerbaar.matching.AssignmentStatus.ACCEPTED, null, at);
				if (live) {
					open.merge(best.id(), 1, Integer::sum);
					if (accounts.containsKey(best.id())) {
						intake.assignmentChanged(request.id(), status, accounts.get(best.id()), null, DESK);
					}
				}
				else {
					assignments.endLive(request.id(), at, false);
				}
				made++;
			}
		}
		// each supporter with an account (demo-supporter) has a proposal waiting for an answer
		List<UUID> triaged = intake.list(new Queue.Filter(null, null, null, RequestStatus.TRIAGED, false), PageRequest.of(0, 5000), DESK)
			.map(Queue.Item::id).getContent();
		List<Intake.Facts> waiting = new ArrayList<>(intake.facts(triaged));
		waiting.sort(Comparator.comparing(Intake.Facts::reference));
		for (UUID supporter : accounts.keySet()) {
			SupporterProfile profile = supporters.stream().filter(s -> s.id().equals(supporter)).findFirst().orElseThrow();
			waiting.stream()
				.filter(f -> policy.exclusions(profiles.request(f), withOpen(profile, open.getOrDefault(supporter, 0)), Set.of(), today).isEmpty())
				.findFirst()
				.ifPresent(f -> {
					Instant at = Instant.now();
					assignments.insert(UUID.randomUUID(), f.id(), supporter, f.officeHolderId(),
							MatchingPolicy.total(policy.contributions(profiles.request(f), profile)), at, DESK.id(),
							at.plus(properties.proposalExpiry()));
					intake.assignmentChanged(f.id(), RequestStatus.MATCHING, null, null, DESK);
					waiting.remove(f);
				});
		}
		log.info("Demo data: {} supporters assigned to demo requests", made);
	}

	private static SupporterProfile withOpen(SupporterProfile s, int open) {
		return new SupporterProfile(s.id(), s.name(), s.kind(), s.organisation(), s.party(), s.terms(), s.expertise(), s.languages(),
				s.provinceCode(), s.capacity(), s.active(), s.gender(), s.absences(), s.trainings(), open, s.closedCases(), s.supported());
	}
}
