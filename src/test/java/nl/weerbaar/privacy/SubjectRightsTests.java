package nl.weerbaar.privacy;

import java.util.UUID;

import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
class SubjectRightsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();
	private final FieldLocation email = new FieldLocation("office_holder", "email", "1");
	private SubjectId person;
	private byte[] sealed;
	private TestAccount first;
	private WebSession firstCoordinator;

	@BeforeEach
	void aPersonWithData() {
		person = new SubjectId(UUID.randomUUID());
		sealed = personalData.seal(person, email, "burgemeester@example.nl");
		first = new TestAccounts(context).create(Role.COORDINATOR);
		firstCoordinator = signedIn(first);
	}

	@Test
	void aCoordinatorExportsAPersonsDataAsJsonAndAsAPageAndBothAreAudited() {
		Response export = firstCoordinator.get("/api/v1/subjects/" + person + "/export");
		assertThat(export.status()).isEqualTo(200);
		JsonNode body = json.readTree(export.body());
		assertThat(body.get("subject").asString()).isEqualTo(person.toString());
		assertThat(body.get("sections").get("privacy").get("dataKey").asString()).isEqualTo("present");
		Response page = firstCoordinator.get("/privacy/subjects/" + person);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("dataKey").contains(person.toString());
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and object_id = ? and actor_id = ?")
			.params(person.toString(), first.id()).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void anUnknownPersonIsNotFoundAndOnlyCoordinatorsExport() {
		assertThat(firstCoordinator.get("/api/v1/subjects/" + UUID.randomUUID() + "/export").status()).isEqualTo(404);
		WebSession admin = signedIn(new TestAccounts(context).create(Role.ADMIN));
		assertThat(admin.get("/api/v1/subjects/" + person + "/export").status()).isEqualTo(403);
		WebSession supporter = signedIn(new TestAccounts(context).create(Role.SUPPORTER));
		assertThat(supporter.get("/privacy/subjects/" + person).status()).isEqualTo(403);
	}

	@Test
	void erasureTakesASecondPersonAndThenNothingOfThePersonOpens() {
		Response requested = firstCoordinator.postJson("/api/v1/subjects/" + person + "/erasure-requests",
				"{\"reason\": \"SUBJECT_REQUEST\"}");
		assertThat(requested.status()).isEqualTo(201);
		String requestId = json.readTree(requested.body()).get("id").asString();

		Response selfApproval = firstCoordinator.postJson("/api/v1/erasure-requests/" + requestId + "/approval", "");
		assertThat(selfApproval.status()).isEqualTo(409);
		assertThat(json.readTree(selfApproval.body()).get("code").asString()).isEqualTo("FOUR_EYES");
		assertThat(personalData.open(person, email, sealed)).as("nothing happened yet").isPresent();

		WebSession admin = signedIn(new TestAccounts(context).create(Role.ADMIN));
		Response approved = admin.postJson("/api/v1/erasure-requests/" + requestId + "/approval", "");
		assertThat(approved.status()).isEqualTo(200);
		assertThat(json.readTree(approved.body()).get("status").asString()).isEqualTo("APPROVED");
		assertThat(personalData.open(person, email, sealed)).isEmpty();
		assertThat(jdbc.sql("select action from audit_event where object_id = ? order by seq").param(person.toString())
			.query(String.class).list()).containsSubsequence("ERASURE_REQUESTED", "ERASURE_APPROVED", "SHRED_ERASURE");
		assertThat(firstCoordinator.postJson("/api/v1/subjects/" + person + "/erasure-requests",
				"{\"reason\": \"SUBJECT_REQUEST\"}").status()).isEqualTo(409);
	}

	@Test
	void aTokenNeitherApprovesAnErasureNorExportsAPersonsData() throws Exception {
		String requestId = json.readTree(firstCoordinator.postJson("/api/v1/subjects/" + person + "/erasure-requests",
				"{\"reason\": \"SUBJECT_REQUEST\"}").body()).get("id").asString();
		WebSession second = signedIn(new TestAccounts(context).create(Role.COORDINATOR));
		second.get("/account/tokens/new");
		java.util.regex.Matcher secret = java.util.regex.Pattern.compile("id=\"token-secret\">(wb_[A-Za-z0-9_-]+)<")
			.matcher(second.post("/account/tokens", java.util.Map.of("name", "Script", "roles", "COORDINATOR", "days",
					"30")).body());
		assertThat(secret.find()).isTrue();
		java.net.http.HttpClient script = java.net.http.HttpClient.newHttpClient();
		for (String[] call : new String[][] { { "POST", "/api/v1/erasure-requests/" + requestId + "/approval" },
				{ "GET", "/api/v1/subjects/" + person + "/export" } }) {
			var answer = script.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + call[1]))
				.header("Authorization", "Bearer " + secret.group(1))
				.method(call[0], java.net.http.HttpRequest.BodyPublishers.noBody())
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(call[1]).isEqualTo(403);
			assertThat(answer.body()).as(call[1]).contains("urn:weerbaar:problem:step-up-required");
		}
		assertThat(personalData.open(person, email, sealed)).as("nothing was erased").isPresent();
		assertThat(second.postJson("/api/v1/erasure-requests/" + requestId + "/approval", "").status())
			.as("the same person in a session with a fresh factor may").isEqualTo(200);
	}

	@Test
	void aLegalHoldBlocksErasureAndABadReasonIsAProblem() {
		firstCoordinator.get("/privacy/subjects/" + person);
		firstCoordinator.post("/privacy/subjects/" + person + "/legal-hold", java.util.Map.of("reason", "zaak 2026/17"));
		String requestId = json.readTree(firstCoordinator.postJson("/api/v1/subjects/" + person + "/erasure-requests",
				"{\"reason\": \"NO_LONGER_NEEDED\"}").body()).get("id").asString();
		WebSession second = signedIn(new TestAccounts(context).create(Role.COORDINATOR));
		Response refused = second.postJson("/api/v1/erasure-requests/" + requestId + "/approval", "");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(json.readTree(refused.body()).get("code").asString()).isEqualTo("LEGAL_HOLD");
		assertThat(personalData.open(person, email, sealed)).isPresent();

		assertThat(firstCoordinator.postJson("/api/v1/subjects/" + UUID.randomUUID() + "/erasure-requests",
				"{\"reason\": \"SUBJECT_REQUEST\"}").status()).isEqualTo(404);
		Response badReason = firstCoordinator.postJson("/api/v1/subjects/" + person + "/erasure-requests",
				"{\"reason\": \"BECAUSE\"}");
		assertThat(badReason.status()).isEqualTo(400);
	}

	private WebSession signedIn(TestAccount account) {
		WebSession session = new WebSession(port);
		session.signIn(account.username(), TestAccounts.PASSWORD);
		session.get("/");
		return session;
	}
}
