package nl.weerbaar.intake.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import nl.weerbaar.intake.Answer;
import nl.weerbaar.intake.Channel;
import nl.weerbaar.intake.ConcernLevel;
import nl.weerbaar.intake.ConcernSuggestion;
import nl.weerbaar.intake.FirstContactDeadlines;
import nl.weerbaar.intake.IncidentChannel;
import nl.weerbaar.intake.IncidentData;
import nl.weerbaar.intake.IncidentKind;
import nl.weerbaar.intake.Perpetrator;
import nl.weerbaar.intake.PoliceReport;
import nl.weerbaar.intake.RequestStatus;
import nl.weerbaar.intake.RequesterKind;
import nl.weerbaar.intake.WarningBehaviour;
import nl.weerbaar.intake.Wishes;
import nl.weerbaar.platform.Installation;
import nl.weerbaar.privacy.Retention;
import nl.weerbaar.privacy.RetentionKind;
import nl.weerbaar.privacy.SubjectId;
import nl.weerbaar.registry.Bodies;
import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of synthetic requests (demo profile), about 600, so the queue has life. The mix follows the Monitor
 * Integriteit en Veiligheid (see {@code ../shared/data}): mayors (77% met aggression in 2022) and aldermen (67%) ask
 * far more often per person than council members; verbal aggression and online abuse are common, threats frequent,
 * physical violence rare (3%); 7% filed a police report. Most are closed; the last weeks hold open ones, some acute and
 * a few overdue. Deterministic; every person and every text is invented.
 */
@Component
@Profile(Installation.DEMO_PROFILE)
@Order(40)
class DemoRequests implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRequests.class);
	private static final int COUNT = 600;
	/** The demo client's request that a supporter has taken on (the first is still waiting for triage). */
	private static final int DEMO_CLIENT_ACTIVE = 1;
	private static final int MASS = 300;
	private static final Actor DESK = new Actor(new UUID(0, 0), "COORDINATOR");

	/** Requests per function per year, relative: how many hold it times how often they meet aggression and ask. */
	private static final Map<OfficeFunction, Integer> FUNCTION_WEIGHT = new EnumMap<>(Map.of(OfficeFunction.MAYOR, 130,
			OfficeFunction.ALDERMAN, 220, OfficeFunction.COUNCIL_MEMBER, 200, OfficeFunction.PROVINCIAL_COUNCIL_MEMBER, 20,
			OfficeFunction.PROVINCIAL_EXECUTIVE, 12, OfficeFunction.KINGS_COMMISSIONER, 3, OfficeFunction.WATER_BOARD_MEMBER, 10));
	private static final Map<IncidentKind, Integer> KIND_WEIGHT = new EnumMap<>(Map.ofEntries(
			Map.entry(IncidentKind.ONLINE_ABUSE, 30), Map.entry(IncidentKind.VERBAL_THREAT, 20),
			Map.entry(IncidentKind.WRITTEN_THREAT, 15), Map.entry(IncidentKind.INTIMIDATION_AT_HOME, 8),
			Map.entry(IncidentKind.DISCRIMINATION, 6), Map.entry(IncidentKind.DOXXING, 5), Map.entry(IncidentKind.STALKING, 5),
			Map.entry(IncidentKind.DAMAGE_TO_PROPERTY, 4), Map.entry(IncidentKind.SUBVERSION_APPROACH, 3),
			Map.entry(IncidentKind.PHYSICAL_VIOLENCE, 3), Map.entry(IncidentKind.OTHER, 1)));
	private static final Map<IncidentKind, List<String>> SUMMARIES = new EnumMap<>(Map.ofEntries(
			Map.entry(IncidentKind.ONLINE_ABUSE, List.of("Scheldberichten en dreigende reacties op sociale media na een raadsdebat.",
					"Een filmpje van de vergadering gaat rond met oproepen om langs te komen.")),
			Map.entry(IncidentKind.VERBAL_THREAT, List.of("Na afloop van een bewonersavond door een inwoner bedreigd.",
					"Bij de supermarkt aangesproken en uitgescholden over een besluit.")),
			Map.entry(IncidentKind.WRITTEN_THREAT, List.of("Dreigbrief in de bus, geen afzender.", "Dreigende e-mail op het werkadres.")),
			Map.entry(IncidentKind.INTIMIDATION_AT_HOME, List.of("Onbekenden stonden 's avonds voor de deur en maakten foto's.",
					"Spandoek met naam opgehangen bij de woning.")),
			Map.entry(IncidentKind.DISCRIMINATION, List.of("Racistische berichten na een interview.", "Seksistische opmerkingen in berichten.")),
			Map.entry(IncidentKind.DOXXING, List.of("Het huisadres is online gedeeld.", "Gegevens van de kinderen op een forum gezet.")),
			Map.entry(IncidentKind.STALKING, List.of("Wordt al weken gevolgd door dezelfde persoon.", "Steeds dezelfde auto in de straat.")),
			Map.entry(IncidentKind.DAMAGE_TO_PROPERTY, List.of("Autobanden lek gestoken.", "Ruit van de woning ingegooid.")),
			Map.entry(IncidentKind.SUBVERSION_APPROACH, List.of("Benaderd door iemand die belang heeft bij een vergunning.",
					"Een 'vriendelijk advies' om een dossier te laten rusten.")),
			Map.entry(IncidentKind.PHYSICAL_VIOLENCE, List.of("Geduwd en geslagen na een vergadering.", "Bij een evenement aangevallen.")),
			Map.entry(IncidentKind.OTHER, List.of("Zorgen over de veiligheid na een verhuizing.", "Onrustig gevoel na meerdere incidenten."))));

	private final RequestStore store;
	private final Bodies bodies;
	private final Retention retention;
	private final FirstContactDeadlines deadlines;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;

	DemoRequests(RequestStore store, Bodies bodies, Retention retention, FirstContactDeadlines deadlines, JdbcClient jdbc,
			TransactionTemplate transaction) {
		this.store = store;
		this.bodies = bodies;
		this.retention = retention;
		this.deadlines = deadlines;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	private record Person(UUID id, OfficeFunction function, String bodyCode) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select exists (select 1 from support_request)").query(Boolean.class).single()) {
			return;
		}
		Map<OfficeFunction, List<Person>> people = new EnumMap<>(OfficeFunction.class);
		jdbc.sql("""
				select distinct on (o.id) o.id, t.function, t.body_code from office_holder o
				join office_term t on t.office_holder_id = o.id where t.end_date is null order by o.id, t.start_date desc""")
			.query(rs -> {
				people.computeIfAbsent(OfficeFunction.valueOf(rs.getString("function")), f -> new ArrayList<>())
					.add(new Person(rs.getObject("id", UUID.class), OfficeFunction.valueOf(rs.getString("function")),
							rs.getString("body_code")));
			});
		if (people.isEmpty()) {
			return;
		}
		Random random = new Random(2026);
		Instant now = Instant.now();
		UUID demoClient = jdbc.sql("select id from office_holder where account_id = (select id from account where username = 'demo-client')")
			.query(UUID.class).optional().orElse(null);
		transaction.executeWithoutResult(status -> {
			for (int i = 0; i < COUNT; i++) {
				// most requests are old; the last weeks are busier in the demo so that the queue has work in it
				// the demo client's second request is a few days old and under way, so their case pages have something to show
				Duration age = i == DEMO_CLIENT_ACTIVE && demoClient != null ? Duration.ofDays(5) : i < 40 ? Duration.ofMinutes(20 + random.nextInt(14 * 24 * 60)) : Duration.ofHours(24L * 14 + random.nextInt(351 * 24));
				OfficeFunction function = pick(FUNCTION_WEIGHT, random);
				List<Person> candidates = people.getOrDefault(function, List.of());
				Person person = demoClient != null && i < 2 ? own(people, demoClient)
						: candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
				create(person, now.minus(age), i, random, now);
			}
			for (int i = 0; i < 3; i++) {
				createPublic(now.minus(Duration.ofMinutes(30 + 97L * i)), random);
			}
			massIncident(people.getOrDefault(OfficeFunction.COUNCIL_MEMBER, List.of()), random);
		});
		log.info("Demo data: {} synthetic support requests, {} of them after one threat e-mail", COUNT + 3 + MASS, MASS);
	}

	private void create(Person person, Instant received, int index, Random random, Instant now) {
		IncidentKind kind = pick(KIND_WEIGHT, random);
		ConcernLevel level = kind == IncidentKind.PHYSICAL_VIOLENCE || kind == IncidentKind.SUBVERSION_APPROACH ? ConcernLevel.HIGH
				: List.of(ConcernLevel.LOW, ConcernLevel.LOW, ConcernLevel.MODERATE, ConcernLevel.MODERATE, ConcernLevel.MODERATE,
						ConcernLevel.HIGH).get(random.nextInt(6));
		if (random.nextInt(100) < 4) {
			level = ConcernLevel.ACUTE;
		}
		boolean homeFront = random.nextInt(10) == 0;
		Channel channel = List.of(Channel.PHONE, Channel.PHONE, Channel.PHONE, Channel.EMAIL, Channel.WEB, Channel.ON_BEHALF)
			.get(random.nextInt(6));
		String summary = SUMMARIES.get(kind).get(random.nextInt(2));
		UUID id = store.insert(new RequestStore.NewRequest(channel,
				channel == Channel.ON_BEHALF ? RequesterKind.ON_BEHALF : channel == Channel.WEB ? RequesterKind.SELF : RequesterKind.COORDINATOR,
				channel == Channel.ON_BEHALF ? new nl.weerbaar.intake.OnBehalf("Griffier (demo)", nl.weerbaar.intake.OnBehalfRole.GRIFFIER, null) : null,
				person == null ? null : person.id(), false, person == null ? null : person.id(),
				person == null ? "Beller (demo)" : null, null, null, person == null ? null : person.function(),
				person == null || person.bodyCode() == null ? null : bodies.byCode(person.bodyCode()).orElse(null), summary,
				new Wishes(random.nextInt(4) == 0, null, null, null, null), deadlines.dueAt(received, null), null, received,
				DESK.id(), false));
		store.recordStatus(id, null, RequestStatus.NEW, null, DESK, received);
		LocalDate occurred = received.atZone(FirstContactDeadlines.AMSTERDAM).toLocalDate().minusDays(random.nextInt(4));
		PoliceReport report = random.nextInt(100) < 7 ? PoliceReport.POLICE_REPORT_FILED
				: random.nextInt(100) < 12 ? PoliceReport.REPORTED : random.nextBoolean() ? PoliceReport.NONE : PoliceReport.UNKNOWN;
		Perpetrator perpetrator = kind == IncidentKind.SUBVERSION_APPROACH ? Perpetrator.ORGANISED_CRIME_SUSPECTED
				: List.of(Perpetrator.UNKNOWN, Perpetrator.UNKNOWN, Perpetrator.KNOWN_PERSON, Perpetrator.GROUP).get(random.nextInt(4));
		store.addIncident(id, new IncidentData(occurred, null, kind, channelOf(kind), perpetrator, report, homeFront, summary),
				DESK.id(), received);
		Duration age = Duration.between(received, now);
		boolean untriaged = index < 40 && index % 8 == 0;
		if (untriaged) {
			// a few are still waiting for triage; those older than four hours are overdue
			return;
		}
		Instant triaged = received.plus(Duration.ofMinutes(10 + random.nextInt(50)));
		Map<WarningBehaviour, Answer> answers = new EnumMap<>(WarningBehaviour.class);
		for (WarningBehaviour behaviour : WarningBehaviour.values()) {
			answers.put(behaviour, random.nextInt(10) == 0 ? Answer.YES : random.nextInt(3) == 0 ? Answer.UNKNOWN : Answer.NO);
		}
		if (level == ConcernLevel.ACUTE) {
			answers.put(WarningBehaviour.PATHWAY, Answer.YES);
		}
		store.saveAnswers(id, answers, Map.of());
		ConcernSuggestion suggestion = ConcernSuggestion.of(answers,
				List.of(new ConcernSuggestion.IncidentFacts(kind, perpetrator, homeFront)));
		store.saveTriage(id, level, suggestion.level(), deadlines.dueAt(received, level),
				level == ConcernLevel.ACUTE ? "112 gebeld; politie ingelicht; burgemeester geïnformeerd (demo)." : null, DESK, triaged);
		store.recordStatus(id, RequestStatus.NEW, RequestStatus.TRIAGED, null, DESK, triaged);
		List<RequestStatus> path = new ArrayList<>();
		if (age.compareTo(Duration.ofDays(60)) > 0) {
			path.addAll(List.of(RequestStatus.MATCHING, RequestStatus.ASSIGNED, RequestStatus.ACTIVE,
					random.nextInt(10) == 0 ? RequestStatus.WITHDRAWN : RequestStatus.CLOSED));
		}
		else if (age.compareTo(Duration.ofDays(14)) > 0) {
			path.addAll(List.of(RequestStatus.MATCHING, RequestStatus.ASSIGNED, RequestStatus.ACTIVE));
		}
		else {
			int steps = index == DEMO_CLIENT_ACTIVE ? 3 : random.nextInt(4);
			path.addAll(List.of(RequestStatus.MATCHING, RequestStatus.ASSIGNED, RequestStatus.ACTIVE).subList(0, steps));
		}
		RequestStatus from = RequestStatus.TRIAGED;
		Instant at = triaged;
		for (RequestStatus to : path) {
			at = at.plus(Duration.ofHours(1 + random.nextInt(30)));
			if (at.isAfter(now)) {
				break;
			}
			store.setStatus(id, to, at);
			store.recordStatus(id, from, to, to.isOpen() ? null : "Afgerond (demo)", DESK, at);
			if (to == RequestStatus.ASSIGNED && random.nextInt(20) > 0) {
				store.firstContact(id, at.minus(Duration.ofMinutes(30)));
			}
			if (!to.isOpen()) {
				retention.startClock(new SubjectId(id), RetentionKind.CLOSED_CASE, at);
			}
			from = to;
		}
	}

	/**
	 * A mass incident waiting for a batch: yesterday the same threat e-mail reached council members across Gelderland,
	 * and {@value #MASS} of them asked for help that day. All are triaged, none has a supporter yet.
	 */
	private void massIncident(List<Person> councilMembers, Random random) {
		Map<String, nl.weerbaar.registry.Body> where = bodies.byCodes(councilMembers.stream().map(Person::bodyCode)
			.filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
		List<Person> gelderland = new ArrayList<>(councilMembers.stream()
			.filter(p -> p.bodyCode() != null && where.containsKey(p.bodyCode()) && where.get(p.bodyCode()).provinceCodes().contains("PV25"))
			.toList());
		java.util.Collections.shuffle(gelderland, random);
		LocalDate yesterday = LocalDate.now(FirstContactDeadlines.AMSTERDAM).minusDays(1);
		for (Person person : gelderland.subList(0, Math.min(MASS, gelderland.size()))) {
			Instant received = yesterday.atTime(8, 0).plusMinutes(random.nextInt(12 * 60)).atZone(FirstContactDeadlines.AMSTERDAM).toInstant();
			UUID id = store.insert(new RequestStore.NewRequest(Channel.EMAIL, RequesterKind.COORDINATOR, null, person.id(), false, person.id(),
					null, null, null, person.function(), where.get(person.bodyCode()),
					"Dezelfde dreigmail als de andere Gelderse raadsleden: 'we weten waar je woont'.", Wishes.NONE,
					deadlines.dueAt(received, null), null, received, DESK.id(), false));
			store.recordStatus(id, null, RequestStatus.NEW, null, DESK, received);
			store.addIncident(id, new IncidentData(yesterday, null, IncidentKind.WRITTEN_THREAT, IncidentChannel.EMAIL, Perpetrator.UNKNOWN,
					random.nextInt(10) == 0 ? PoliceReport.POLICE_REPORT_FILED : PoliceReport.NONE, false, null), DESK.id(), received);
			int roll = random.nextInt(100);
			ConcernLevel level = roll < 2 ? ConcernLevel.HIGH : roll < 12 ? ConcernLevel.MODERATE : ConcernLevel.LOW;
			Instant triaged = received.plus(Duration.ofMinutes(20 + random.nextInt(60)));
			store.saveTriage(id, level, ConcernLevel.LOW, deadlines.dueAt(received, level), null, DESK, triaged);
			store.setStatus(id, RequestStatus.TRIAGED, triaged);
			store.recordStatus(id, RequestStatus.NEW, RequestStatus.TRIAGED, null, DESK, triaged);
		}
	}

	private void createPublic(Instant received, Random random) {
		UUID id = store.insert(new RequestStore.NewRequest(Channel.PUBLIC_FORM, RequesterKind.SELF, null, null, false, null, null,
				"Anoniem (demo)", null, OfficeFunction.COUNCIL_MEMBER, null,
				"Ik word al een week via berichten bedreigd en weet niet wat ik moet doen.", Wishes.NONE,
				deadlines.dueAt(received, null), store.newReceiptCode(), received, null, false));
		store.recordStatus(id, null, RequestStatus.NEW, null, null, received);
		store.addIncident(id, new IncidentData(received.atZone(FirstContactDeadlines.AMSTERDAM).toLocalDate(), null,
				IncidentKind.ONLINE_ABUSE, IncidentChannel.SOCIAL_MEDIA, Perpetrator.UNKNOWN, PoliceReport.UNKNOWN, false, null),
				null, received);
		retention.startClock(new SubjectId(id), RetentionKind.UNCONFIRMED_PUBLIC_REQUEST, received);
	}

	/** The demo client's own office holder, so that their pages have requests to show. */
	private static Person own(Map<OfficeFunction, List<Person>> people, UUID id) {
		return people.values().stream().flatMap(List::stream).filter(p -> p.id().equals(id)).findFirst().orElse(null);
	}

	private static IncidentChannel channelOf(IncidentKind kind) {
		return switch (kind) {
			case ONLINE_ABUSE, DOXXING, DISCRIMINATION -> IncidentChannel.SOCIAL_MEDIA;
			case WRITTEN_THREAT -> IncidentChannel.EMAIL;
			case INTIMIDATION_AT_HOME, DAMAGE_TO_PROPERTY -> IncidentChannel.AT_HOME;
			case VERBAL_THREAT, PHYSICAL_VIOLENCE, STALKING, SUBVERSION_APPROACH -> IncidentChannel.IN_PERSON;
			case OTHER -> IncidentChannel.OTHER;
		};
	}

	private static <T> T pick(Map<T, Integer> weights, Random random) {
		int total = weights.values().stream().mapToInt(Integer::intValue).sum();
		int roll = random.nextInt(total);
		for (Map.Entry<T, Integer> entry : weights.entrySet()) {
			roll -= entry.getValue();
			if (roll < 0) {
				return entry.getKey();
			}
		}
		throw new IllegalStateException();
	}
}
