package nl.weerbaar.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static nl.weerbaar.intake.IntakeFixtures.count;
import static nl.weerbaar.intake.IntakeFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

@WebTest
class SupportRequestApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private IntakeFixtures fixtures;
	private WebSession api;

	@BeforeEach
	void setUp() {
		fixtures = new IntakeFixtures(port, context);
		api = fixtures.coordinatorApi;
	}

	@Test
	void takesARequestInWithItsIncidentsAndAnswersWithStatusAndDueTime() {
		UUID alderman = fixtures.alderman(null);
		Instant before = Instant.now();
		Response created = api.postJson("/api/v1/support-requests", IntakeFixtures.requestJson(alderman, "Bedreigd na debat"));
		assertThat(created.status()).isEqualTo(201);
		JsonNode body = read(created);
		String id = body.get("id").asString();
		assertThat(created.location()).endsWith("/api/v1/support-requests/" + id);
		assertThat(body.get("status").asString()).isEqualTo("NEW");
		assertThat(body.get("reference").asString()).matches("HV-\\d{4}-\\d{5}");
		assertThat(Instant.parse(body.get("dueAt").asString())).as("untriaged: due within four hours")
			.isBetween(before.plus(Duration.ofHours(4)).minusSeconds(5), Instant.now().plus(Duration.ofHours(4)));
		assertThat(body.get("function").asString()).isEqualTo("ALDERMAN");
		assertThat(body.get("bodyCode").asString()).isEqualTo("GM0437");
		assertThat(body.get("requestedBy").asString()).isEqualTo("COORDINATOR");
		assertThat(body.get("wishes").get("notSameParty").asBoolean()).isTrue();
		assertThat(body.get("incidents").get(0).get("kind").asString()).isEqualTo("WRITTEN_THREAT");
		assertThat(body.get("history").get(0).get("to").asString()).isEqualTo("NEW");

		JsonNode read = read(api.get("/api/v1/support-requests/" + id));
		assertThat(read.get("summary").asString()).isEqualTo("Bedreigd na debat");
		assertThat(read.get("incidents").get(0).get("description").asString()).isEqualTo("Dreigmail na de raadsvergadering");
		assertThat(count(jdbc, "select count(*) from audit_event where action = 'READ_CASE' and object_id = ? and result = 'ALLOWED'", id))
			.isEqualTo(1);
		assertThat(count(jdbc, "select count(*) from audit_event where action in ('SUPPORT_REQUESTED', 'INCIDENT_RECORDED') and object_id = ?", id))
			.isEqualTo(2);
	}

	@Test
	void keepsFreeTextEncryptedAtRest() {
		String id = fixtures.phoneRequest(fixtures.alderman(null), "Geheime samenvatting XYZZY").get("id").asString();
		byte[] summary = jdbc.sql("select summary from support_request where id = ?::uuid").param(id).query(byte[].class).single();
		assertThat(new String(summary, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("XYZZY");
		byte[] description = jdbc.sql("select description from incident where request_id = ?::uuid").param(id).query(byte[].class).single();
		assertThat(new String(description, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Dreigmail");
	}

	@Test
	void triageSetsTheLevelTheDeadlineAndKeepsTheSuggestionBesideIt() {
		JsonNode request = fixtures.phoneRequest(fixtures.alderman(null), "Man staat bij het huis");
		String id = request.get("id").asString();
		Response triaged = api.putJson("/api/v1/support-requests/" + id + "/triage", """
				{"warningBehaviours": {"FIXATION": "YES", "PATHWAY": "YES", "LEAKAGE": "NO"},
				 "evidence": {"FIXATION": "Stuurt dagelijks berichten"}, "concernLevel": "MODERATE"}""");
		assertThat(triaged.status()).as(triaged.body()).isEqualTo(200);
		JsonNode body = read(triaged);
		assertThat(body.get("status").asString()).isEqualTo("TRIAGED");
		assertThat(body.get("concernLevel").asString()).as("the coordinator decides").isEqualTo("MODERATE");
		assertThat(body.get("suggestion").get("level").asString()).as("pathway suggests at least high").isEqualTo("HIGH");
		assertThat(body.get("suggestion").get("reasons").valueStream().map(r -> r.get("code").asString()))
			.contains("concern.reason.yes.PATHWAY");
		assertThat(body.get("suggestion").get("reasons").get(0).get("text").asString()).isNotBlank();
		assertThat(body.get("warningBehaviours").get("FIXATION").asString()).isEqualTo("YES");
		assertThat(body.get("warningBehaviours").get("LEAKAGE").asString()).isEqualTo("NO");
		assertThat(body.get("evidence").get("FIXATION").asString()).isEqualTo("Stuurt dagelijks berichten");
		Instant received = Instant.parse(body.get("createdAt").asString());
		assertThat(Instant.parse(body.get("dueAt").asString()))
			.isEqualTo(FirstContactDeadlines.defaults().dueAt(received, ConcernLevel.MODERATE));
		assertThat(body.get("history").valueStream().map(h -> h.get("to").asString())).containsExactly("NEW", "TRIAGED");
		assertThat(count(jdbc, "select count(*) from audit_event where action = 'CONCERN_LEVEL_SET' and object_id = ?", id)).isEqualTo(1);
		assertThat(count(jdbc, "select count(*) from audit_event where action = 'REQUEST_STATUS_CHANGED' and object_id = ?", id))
			.isEqualTo(1);
	}

	@Test
	void anAcuteRequestMovesOnOnlyOnceWhatWasDoneIsRecorded() {
		String id = fixtures.phoneRequest(fixtures.alderman(null), "Acute dreiging").get("id").asString();
		JsonNode acute = read(api.putJson("/api/v1/support-requests/" + id + "/triage", """
				{"warningBehaviours": {"PATHWAY": "YES", "LAST_RESORT": "YES"}, "concernLevel": "ACUTE"}"""));
		assertThat(acute.get("suggestion").get("level").asString()).isEqualTo("ACUTE");
		assertThat(acute.get("escalation").get("actionsRequired").asBoolean()).isTrue();
		assertThat(acute.get("escalation").get("guidance").valueStream().map(JsonNode::asString))
			.anySatisfy(line -> assertThat(line).contains("112"));
		Response refused = api.postJson("/api/v1/support-requests/" + id + "/status", "{\"status\": \"MATCHING\"}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(read(refused).get("errors").get(0).get("code").asString()).isEqualTo("intake.acute.actionsRequired");

		JsonNode recorded = read(api.putJson("/api/v1/support-requests/" + id + "/triage", """
				{"concernLevel": "ACUTE", "acuteActions": "112 gebeld om 21:10; politie ter plaatse; burgemeester ingelicht"}"""));
		assertThat(recorded.get("escalation").get("actionsRequired").asBoolean()).isFalse();
		assertThat(recorded.get("warningBehaviours").get("PATHWAY").asString()).as("answers left out stay").isEqualTo("YES");
		Response matching = api.postJson("/api/v1/support-requests/" + id + "/status", "{\"status\": \"MATCHING\"}");
		assertThat(matching.status()).as(matching.body()).isEqualTo(200);
		Response byHand = api.postJson("/api/v1/support-requests/" + id + "/status", "{\"status\": \"ASSIGNED\"}");
		assertThat(byHand.status()).as("assigned only through a supporter's acceptance").isEqualTo(409);
		assertThat(read(byHand).get("errors").get(0).get("code").asString()).isEqualTo("intake.status.viaMatching");
		assertThat(read(matching).get("status").asString()).isEqualTo("MATCHING");
		assertThat(Instant.parse(read(matching).get("dueAt").asString()))
			.isEqualTo(Instant.parse(read(matching).get("createdAt").asString()).plus(Duration.ofHours(1)));
	}

	@Test
	void refusesTransitionsTheLifecycleDoesNotAllowAndRecordsEveryOneThatItDoes() {
		String id = fixtures.phoneRequest(fixtures.alderman(null), "Levensloop").get("id").asString();
		Response skip = api.postJson("/api/v1/support-requests/" + id + "/status", "{\"status\": \"ACTIVE\"}");
		assertThat(skip.status()).isEqualTo(409);
		assertThat(read(skip).get("errors").get(0).get("code").asString()).isEqualTo("intake.status.notAllowed");
		assertThat(read(skip).get("errors").get(0).get("message").asString()).isNotBlank();
		Response untriaged = api.postJson("/api/v1/support-requests/" + id + "/status", "{\"status\": \"TRIAGED\"}");
		assertThat(untriaged.status()).isEqualTo(409);
		assertThat(read(untriaged).get("errors").get(0).get("code").asString()).isEqualTo("intake.status.triageFirst");
		Response noReason = api.postJson("/api/v1/support-requests/" + id + "/status", "{\"status\": \"WITHDRAWN\"}");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(read(noReason).get("errors").get(0).get("field").asString()).isEqualTo("reason");
		assertThat(api.postJson("/api/v1/support-requests/" + id + "/status", "{\"status\": \"NONSENSE\"}").status()).isEqualTo(400);

		Response withdrawn = api.postJson("/api/v1/support-requests/" + id + "/status",
				"{\"status\": \"WITHDRAWN\", \"reason\": \"Hulpvrager belde af\"}");
		assertThat(withdrawn.status()).isEqualTo(200);
		JsonNode history = read(withdrawn).get("history");
		assertThat(history.get(1).get("from").asString()).isEqualTo("NEW");
		assertThat(history.get(1).get("to").asString()).isEqualTo("WITHDRAWN");
		assertThat(history.get(1).get("reason").asString()).isEqualTo("Hulpvrager belde af");
		assertThat(history.get(1).get("actorRole").asString()).isEqualTo("COORDINATOR");
		assertThat(history.get(1).get("at").asString()).isNotBlank();
		Response afterwards = api.postJson("/api/v1/support-requests/" + id + "/status", "{\"status\": \"NEW\"}");
		assertThat(afterwards.status()).isEqualTo(409);
		assertThat(read(afterwards).get("errors").get(0).get("code").asString()).isEqualTo("intake.status.final");
		assertThat(count(jdbc, "select count(*) from data_subject where id = ?::uuid and retention_kind = 'CLOSED_CASE'", id))
			.as("the retention clock runs once a request ends").isEqualTo(1);
	}

	@Test
	void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
		long before = count(jdbc, "select count(*) from support_request");
		Response refused = api.postJson("/api/v1/support-requests", """
				{"subjectId": "%s", "channel": "PUBLIC_FORM", "summary": " ",
				 "wishes": {"language": "Nederlands"},
				 "incidents": [{"occurredOn": "2999-01-01", "channel": "EMAIL"}]}""".formatted(UUID.randomUUID()));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(read(refused).get("errors").valueStream().map(e -> e.get("field").asString() + ":" + e.get("code").asString()))
			.containsExactlyInAnyOrder("channel:intake.channel.publicFormOnly", "subjectId:intake.subject.unknown",
					"summary:field.required", "wishes.language:intake.wishes.language",
					"incidents[0].occurredOn:intake.incident.occurredOn.future", "incidents[0].kind:field.required");
		assertThat(api.postJson("/api/v1/support-requests", "{\"summary\": ").status()).isEqualTo(400);
		assertThat(api.postJson("/api/v1/support-requests", "{\"channel\": \"PIGEON\"}").status()).isEqualTo(400);
		assertThat(api.postJson("/api/v1/support-requests", "{\"pseudonym\": \"X\", \"channel\": \"PHONE\", \"summary\": \"s\", "
				+ "\"incidents\": [null]}").status()).isEqualTo(400);
		assertThat(api.postJson("/api/v1/support-requests", "{\"pseudonym\": \"X\", \"channel\": \"PHONE\", \"summary\": \"s\", "
				+ "\"incidents\": [{\"occurredOn\": \"gisteren\"}]}").status()).isEqualTo(400);
		assertThat(api.postJson("/api/v1/support-requests", "[]").status()).isEqualTo(400);
		assertThat(count(jdbc, "select count(*) from support_request")).isEqualTo(before);
	}

	@Test
	void aPseudonymousRequestIsLinkedLaterToThePersonItTurnsOutToBeAbout() {
		Response created = api.postJson("/api/v1/support-requests", """
				{"pseudonym": "Beller 21:05", "function": "COUNCIL_MEMBER", "bodyCode": "GM0363", "channel": "PHONE",
				 "summary": "Wil eerst anoniem blijven",
				 "incidents": [{"occurredOn": "2026-11-20", "kind": "ONLINE_ABUSE", "channel": "SOCIAL_MEDIA"}]}""");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode body = read(created);
		assertThat(body.get("subjectKind").asString()).isEqualTo("PSEUDONYMOUS");
		assertThat(body.get("pseudonym").asString()).isEqualTo("Beller 21:05");
		assertThat(body.get("bodyName").asString()).isEqualTo("Amsterdam");
		assertThat(body.get("provinceCodes").get(0).asString()).isEqualTo("PV27");
		String id = body.get("id").asString();
		UUID alderman = fixtures.alderman(null);
		JsonNode linked = read(api.putJson("/api/v1/support-requests/" + id + "/subject", "{\"subjectId\": \"" + alderman + "\"}"));
		assertThat(linked.get("subjectKind").asString()).isEqualTo("OFFICE_HOLDER");
		assertThat(linked.get("officeHolderId").asString()).isEqualTo(alderman.toString());
		assertThat(linked.get("function").asString()).isEqualTo("ALDERMAN");
		assertThat(api.putJson("/api/v1/support-requests/" + id + "/subject", "{\"subjectId\": \"" + alderman + "\"}").status())
			.isEqualTo(409);
	}

	@Test
	void onBehalfOfSomeoneNeedsTheirNameAndRole() {
		UUID alderman = fixtures.alderman(null);
		Response missing = api.postJson("/api/v1/support-requests", """
				{"subjectId": "%s", "channel": "ON_BEHALF", "summary": "Griffier belt",
				 "incidents": [{"occurredOn": "2026-11-20", "kind": "VERBAL_THREAT", "channel": "MEETING"}]}""".formatted(alderman));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(read(missing).get("errors").get(0).get("field").asString()).isEqualTo("onBehalf");
		Response made = api.postJson("/api/v1/support-requests", """
				{"subjectId": "%s", "channel": "ON_BEHALF", "summary": "Griffier belt",
				 "onBehalf": {"name": "J. de Griffier", "role": "GRIFFIER"},
				 "incidents": [{"occurredOn": "2026-11-20", "kind": "VERBAL_THREAT", "channel": "MEETING"}]}""".formatted(alderman));
		assertThat(made.status()).isEqualTo(201);
		assertThat(read(made).get("requestedBy").asString()).isEqualTo("ON_BEHALF");
		assertThat(read(made).get("onBehalf").get("name").asString()).isEqualTo("J. de Griffier");
	}

	@Test
	void aClientFilesForThemselvesOrTheirHomeFrontAndSeesOnlyTheirOwn() {
		TestAccount clientAccount = fixtures.account(Role.CLIENT);
		UUID self = fixtures.alderman(clientAccount);
		UUID partner = fixtures.homeFrontOf(self);
		WebSession client = fixtures.signedIn(clientAccount);
		Response own = client.postJson("/api/v1/support-requests", """
				{"summary": "Ik word online bedreigd", "channel": "PHONE",
				 "incidents": [{"occurredOn": "2026-11-25", "kind": "ONLINE_ABUSE", "channel": "SOCIAL_MEDIA"}]}""");
		assertThat(own.status()).as(own.body()).isEqualTo(201);
		assertThat(read(own).get("channel").asString()).as("a client asks through the web").isEqualTo("WEB");
		assertThat(read(own).get("requestedBy").asString()).isEqualTo("SELF");
		assertThat(read(own).get("officeHolderId").asString()).isEqualTo(self.toString());
		assertThat(read(own).path("concernLevel").isNull() || read(own).path("concernLevel").isMissingNode()).as("the coordinators' notes stay out").isTrue();
		Response forPartner = client.postJson("/api/v1/support-requests", """
				{"subjectId": "%s", "summary": "Mijn partner wordt nagelopen",
				 "incidents": [{"occurredOn": "2026-11-26", "kind": "STALKING", "channel": "IN_PERSON", "homeFrontInvolved": true}]}"""
			.formatted(partner));
		assertThat(forPartner.status()).isEqualTo(201);
		assertThat(read(forPartner).get("subjectKind").asString()).isEqualTo("HOME_FRONT");

		String someoneElses = fixtures.phoneRequest(fixtures.alderman(null), "Van een ander").get("id").asString();
		assertThat(client.get("/api/v1/support-requests/" + someoneElses).status()).isEqualTo(404);
		assertThat(count(jdbc, "select count(*) from audit_event where action = 'READ_CASE' and object_id = ? and result = 'DENIED' and actor_id = ?",
				someoneElses, clientAccount.id())).isEqualTo(1);
		Response notMine = client.postJson("/api/v1/support-requests", IntakeFixtures.requestJson(fixtures.alderman(null), "x"));
		assertThat(notMine.status()).isEqualTo(400);
		assertThat(read(notMine).get("errors").get(0).get("code").asString()).isEqualTo("intake.subject.unknown");

		JsonNode list = read(client.get("/api/v1/support-requests"));
		assertThat(list.get("content").valueStream().map(item -> item.get("id").asString()))
			.containsExactlyInAnyOrder(read(own).get("id").asString(), read(forPartner).get("id").asString());
		assertThat(client.putJson("/api/v1/support-requests/" + read(own).get("id").asString() + "/triage",
				"{\"concernLevel\": \"LOW\"}").status()).as("only coordinators triage").isEqualTo(403);
		JsonNode added = read(client.postJson("/api/v1/support-requests/" + read(own).get("id").asString() + "/messages",
				"{\"text\": \"Er kwam vannacht nog een bericht\"}"));
		assertThat(added.get("messages").get(0).get("author").asString()).isEqualTo("REQUESTER");
	}

	@Test
	void supportersPartnersAndAnalystsSeeNoRequestAndTheirAttemptsAreRecorded() {
		String id = fixtures.phoneRequest(fixtures.alderman(null), "Niet voor hen").get("id").asString();
		for (Role role : new Role[] { Role.SUPPORTER, Role.PARTNER, Role.ANALYST, Role.ADMIN }) {
			TestAccount account = fixtures.account(role);
			WebSession session = fixtures.signedIn(account);
			Response response = session.get("/api/v1/support-requests/" + id);
			assertThat(response.status()).as(role.name()).isEqualTo(404);
			assertThat(response.body()).doesNotContain("Niet voor hen");
			assertThat(count(jdbc, "select count(*) from audit_event where action = 'READ_CASE' and result = 'DENIED' and actor_id = ?",
					account.id())).as(role.name()).isEqualTo(1);
			assertThat(session.get("/api/v1/support-requests").status()).as(role.name()).isEqualTo(403);
			assertThat(session.postJson("/api/v1/support-requests", IntakeFixtures.requestJson(UUID.randomUUID(), "x")).status())
				.as(role.name()).isEqualTo(403);
		}
		assertThat(api.get("/api/v1/support-requests/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void listsOpenRequestsByDueTimeWithFiltersAndCounts() {
		UUID alderman = fixtures.alderman(null);
		String low = fixtures.phoneRequest(alderman, "Laag").get("id").asString();
		String high = fixtures.phoneRequest(alderman, "Hoog").get("id").asString();
		api.putJson("/api/v1/support-requests/" + low + "/triage", "{\"concernLevel\": \"LOW\"}");
		api.putJson("/api/v1/support-requests/" + high + "/triage", "{\"concernLevel\": \"HIGH\"}");
		JsonNode page = read(api.get("/api/v1/support-requests?function=ALDERMAN&provinceCode=PV27&size=200"));
		java.util.List<String> ids = page.get("content").valueStream().map(item -> item.get("id").asString()).toList();
		assertThat(ids).contains(low, high);
		assertThat(ids.indexOf(high)).as("high is due sooner").isLessThan(ids.indexOf(low));
		java.util.List<Instant> due = page.get("content").valueStream().map(item -> Instant.parse(item.get("dueAt").asString())).toList();
		assertThat(due).isSorted();
		JsonNode onlyHigh = read(api.get("/api/v1/support-requests?concernLevel=HIGH&status=TRIAGED&size=200"));
		assertThat(onlyHigh.get("content").valueStream().map(item -> item.get("concernLevel").asString())).containsOnly("HIGH");
		assertThat(onlyHigh.get("content").valueStream().map(item -> item.get("id").asString())).contains(high).doesNotContain(low);
		assertThat(read(api.get("/api/v1/support-requests?provinceCode=PV20&size=200")).get("content").valueStream()
			.map(item -> item.get("id").asString())).doesNotContain(low, high);
		JsonNode counts = read(api.get("/api/v1/support-requests/counts"));
		assertThat(counts.get("perLevel").get("HIGH").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(counts.get("total").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(api.get("/api/v1/support-requests?concernLevel=EXTREME").status()).isEqualTo(400);
	}

	@Test
	void erasingAPersonErasesTheRequestsAboutThemAndLeavesOnlyTheCategories() {
		UUID alderman = fixtures.alderman(null);
		String id = fixtures.phoneRequest(alderman, "Wordt gewist").get("id").asString();
		JsonNode export = read(api.get("/api/v1/subjects/" + alderman + "/export"));
		assertThat(export.toString()).as("the person's export includes their requests").contains("Wordt gewist");
		Response asked = api.postJson("/api/v1/subjects/" + alderman + "/erasure-requests", "{\"reason\": \"SUBJECT_REQUEST\"}");
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		WebSession second = fixtures.signedIn(fixtures.account(Role.COORDINATOR));
		Response approved = second.postJson("/api/v1/erasure-requests/" + read(asked).get("id").asString() + "/approval", "{}");
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		JsonNode erased = read(api.get("/api/v1/support-requests/" + id));
		assertThat(erased.path("summary").isNull() || erased.path("summary").isMissingNode()).isTrue();
		assertThat(erased.get("incidents").get(0).path("description").isNull()).isTrue();
		assertThat(erased.get("incidents").get(0).get("kind").asString()).as("categories stay for the figures").isEqualTo("WRITTEN_THREAT");
	}

	@Test
	void theOpenApiDocumentDescribesIntakeAndMatching() {
		JsonNode paths = read(api.get("/v3/api-docs")).get("paths");
		assertThat(paths.has("/api/v1/support-requests")).isTrue();
		assertThat(paths.has("/api/v1/support-requests/{id}/triage")).isTrue();
		assertThat(paths.has("/api/v1/support-requests/{id}/status")).isTrue();
		assertThat(paths.has("/api/v1/support-requests/{id}/suggestions")).isTrue();
		assertThat(paths.has("/api/v1/support-requests/{id}/assignment")).isTrue();
		assertThat(paths.has("/api/v1/matching/batch")).isTrue();
	}

	@Test
	void wishesTakeCommonSpellingsAndIgnoreWhatTheyDoNotKnow() {
		UUID alderman = fixtures.alderman(null);
		Response created = api.postJson("/api/v1/support-requests", """
				{"subjectId": "%s", "channel": "EMAIL", "summary": "Wensen",
				 "wishes": {"notSameParty": true, "gender": "FEMALE", "contact": "VIDEO", "favouriteColour": "blue"},
				 "incidents": [{"occurredOn": "2026-11-01", "kind": "DOXXING", "channel": "SOCIAL_MEDIA"}]}""".formatted(alderman));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode wishes = read(created).get("wishes");
		assertThat(wishes.get("supporterGender").asString()).isEqualTo("FEMALE");
		assertThat(wishes.get("contactVia").asString()).isEqualTo("VIDEO");
		String id = read(created).get("id").asString();
		Response withdrawn = api.postJson("/api/v1/support-requests/" + id + "/status", "{\"to\": \"WITHDRAWN\", \"reason\": \"Dubbel\"}");
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat(read(withdrawn).get("status").asString()).isEqualTo("WITHDRAWN");
	}
}
