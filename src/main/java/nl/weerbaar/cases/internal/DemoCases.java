package nl.weerbaar.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import nl.weerbaar.cases.ActionOwner;
import nl.weerbaar.cases.CaseData;
import nl.weerbaar.cases.Cases;
import nl.weerbaar.cases.ClosureReason;
import nl.weerbaar.cases.ContactMode;
import nl.weerbaar.intake.FirstContactDeadlines;
import nl.weerbaar.intake.Intake;
import nl.weerbaar.intake.Queue;
import nl.weerbaar.intake.RequestStatus;
import nl.weerbaar.matching.AssignmentView;
import nl.weerbaar.matching.Matching;
import nl.weerbaar.platform.Installation;
import nl.weerbaar.privacy.FieldLocation;
import nl.weerbaar.privacy.PersonalData;
import nl.weerbaar.privacy.SubjectId;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.team.Team;
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
 * The demo's cases (demo profile): one for every demo request a supporter took on, in every state: waiting for the
 * first contact, running with contacts, actions (some overdue) and follow-ups, and closed with a reason; a few with the
 * client's evaluation. Running cases get their contacts through the facade, as a supporter would record them.
 */
@Component
@Profile(Installation.DEMO_PROFILE)
@Order(60)
class DemoCases implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
	private static final Actor DESK = new Actor(new UUID(0, 0), "COORDINATOR");
	private static final String[] NOTES = { "Eerste gesprek: verhaal gehoord, situatie thuis besproken.",
			"Teruggebeld; het gaat iets beter. Afspraak over de woningscan.", "Kort contact over de aangifte en de volgende stap.",
			"Gesprek met partner erbij; kinderen zijn ongerust." };
	private static final String[] ACTIONS = { "Woningscan aanvragen bij het CCV", "Aangifte voorbereiden met de politie",
			"Training 'Omgaan met intimidatie en bedreiging' bespreken", "Contact opnemen met de griffier over de raadsvergadering" };

	private final Cases cases;
	private final CaseStore store;
	private final Intake intake;
	private final Matching matching;
	private final Team team;
	private final PersonalData personalData;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;

	DemoCases(Cases cases, CaseStore store, Intake intake, Matching matching, Team team, PersonalData personalData, JdbcClient jdbc,
			TransactionTemplate transaction) {
		this.cases = cases;
		this.store = store;
		this.intake = intake;
		this.matching = matching;
		this.team = team;
		this.personalData = personalData;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select exists (select 1 from support_case)").query(Boolean.class).single()) {
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo-data", null,
				AuthorityUtils.createAuthorityList("ROLE_COORDINATOR")));
		try {
			transaction.executeWithoutResult(status -> open());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void open() {
		Random random = new Random(7);
		Instant now = Instant.now();
		LocalDate today = LocalDate.now(FirstContactDeadlines.AMSTERDAM);
		Map<UUID, UUID> accounts = new HashMap<>();
		team.roster().stream().filter(s -> s.accountId() != null).forEach(s -> accounts.put(s.id(), s.accountId()));
		int made = 0;
		int evaluated = 0;
		boolean overdueForDemoSupporter = false;
		for (RequestStatus status : List.of(RequestStatus.CLOSED, RequestStatus.ACTIVE, RequestStatus.ASSIGNED)) {
			List<UUID> ids = intake.list(new Queue.Filter(null, null, null, status, false), PageRequest.of(0, 5000), DESK)
				.map(Queue.Item::id).getContent();
			Map<UUID, AssignmentView> accepted = matching.accepted(ids);
			Map<UUID, Instant> firstContacts = new HashMap<>();
			intake.facts(ids).stream().filter(f -> f.firstContactAt() != null).forEach(f -> firstContacts.put(f.id(), f.firstContactAt()));
			for (UUID request : ids) {
				AssignmentView assignment = accepted.get(request);
				if (assignment == null) {
					continue;
				}
				UUID id = UUID.randomUUID();
				// the demo's assignments were all answered "yesterday"; a case opens before the first contact the intake knows
				Instant opened = firstContacts.containsKey(request) ? firstContacts.get(request).minus(Duration.ofHours(1))
						: assignment.answeredAt() == null ? now.minus(Duration.ofDays(1)) : assignment.answeredAt();
				store.insert(id, request, assignment.supporterId(), status == RequestStatus.CLOSED ? null : accounts.get(assignment.supporterId()),
						opened);
				store.insertEvent(id, "OPENED", null, null, null, opened);
				made++;
				if (status == RequestStatus.CLOSED) {
					SubjectId subject = new SubjectId(request);
					UUID contact = UUID.randomUUID();
					store.insertContact(contact, id, opened.plus(Duration.ofHours(2)), ContactMode.PHONE, 30,
							personalData.seal(subject, new FieldLocation("case_contact", "note", contact.toString()), NOTES[random.nextInt(NOTES.length)]),
							DESK.id(), opened.plus(Duration.ofHours(2)));
					ClosureReason reason = ClosureReason.values()[random.nextInt(ClosureReason.values().length)];
					store.close(id, reason, personalData.seal(subject, new FieldLocation("support_case", "closure_summary", id.toString()),
							"Ondersteuning afgerond; cliënt weet de weg naar het team."), opened.plus(Duration.ofDays(10)));
					store.insertEvent(id, "CLOSED", null, null, "SUPPORTER", opened.plus(Duration.ofDays(10)));
					if (evaluated < 3) {
						store.insertEvaluation(id, 4 + random.nextInt(2), true,
								personalData.seal(subject, new FieldLocation("case_evaluation", "comment", id.toString()),
										"Fijn dat er iemand was die begreep hoe het is."), opened.plus(Duration.ofDays(12)));
						evaluated++;
					}
				}
				else if (status == RequestStatus.ACTIVE) {
					// the contact the intake recorded as the first one; a request without one stays overdue in the queue
					Instant firstContact = firstContacts.get(request);
					if (firstContact != null) {
						cases.recordContact(id, new CaseData.Contact(firstContact, ContactMode.values()[random.nextInt(4)],
								15 + random.nextInt(60), NOTES[random.nextInt(NOTES.length)]), DESK);
					}
					// some actions fell due while nobody looked: the reminders and "Mijn casussen" show them as overdue
					// and demo-supporter always has one that is overdue
					UUID account = accounts.get(assignment.supporterId());
					LocalDate due = account != null && !overdueForDemoSupporter ? today.minusDays(2) : today.plusDays(random.nextInt(14) - 4);
					overdueForDemoSupporter |= account != null;
					UUID action = UUID.randomUUID();
					store.insertAction(action, id, personalData.seal(new SubjectId(request), new FieldLocation("case_action", "what", action.toString()),
							ACTIONS[random.nextInt(ACTIONS.length)]), ActionOwner.SUPPORTER, due, DESK.id(), opened);
					store.setFollowUp(id, today.plusDays(1 + random.nextInt(21)), now);
				}
			}
		}
		log.info("Demo data: {} cases opened, {} evaluations", made, evaluated);
	}
}
