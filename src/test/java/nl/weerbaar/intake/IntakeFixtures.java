package nl.weerbaar.intake;

import java.util.UUID;

import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** People and requests for intake tests, made through the real HTTP API as a coordinator would. */
final class IntakeFixtures {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;
	private final ApplicationContext context;
	final TestAccount coordinator;
	final WebSession coordinatorApi;

	IntakeFixtures(int port, ApplicationContext context) {
		this.port = port;
		this.context = context;
		this.coordinator = new TestAccounts(context).create(Role.COORDINATOR);
		this.coordinatorApi = signedIn(coordinator);
	}

	WebSession signedIn(TestAccount account) {
		WebSession session = new WebSession(port);
		session.signIn(account.username(), TestAccounts.PASSWORD);
		session.get("/");
		return session;
	}

	TestAccount account(Role role) {
		return new TestAccounts(context).create(role);
	}

	/** An alderman of Ouder-Amstel, linked to a new client account when one is given. */
	UUID alderman(TestAccount client) {
		Response created = coordinatorApi.postJson("/api/v1/office-holders", """
				{"name": "Wethouder %s", "party": "Lokaal Belang", "accountId": %s,
				 "terms": [{"function": "ALDERMAN", "bodyCode": "GM0437", "start": "2022-06-01"}]}"""
			.formatted(UUID.randomUUID().toString().substring(0, 8), client == null ? "null" : "\"" + client.id() + "\""));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return UUID.fromString(read(created).get("id").asString());
	}

	UUID homeFrontOf(UUID officeHolder) {
		Response added = coordinatorApi.postJson("/api/v1/office-holders/" + officeHolder + "/home-front",
				"{\"relation\": \"PARTNER\", \"name\": \"Partner\"}");
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		return UUID.fromString(read(added).get("id").asString());
	}

	/** A phone intake by the coordinator about this person, with one written threat. */
	JsonNode phoneRequest(UUID subject, String summary) {
		Response created = coordinatorApi.postJson("/api/v1/support-requests", requestJson(subject, summary));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return read(created);
	}

	static String requestJson(UUID subject, String summary) {
		return """
				{"subjectId": "%s", "channel": "PHONE", "summary": "%s",
				 "wishes": {"notSameParty": true, "supporterGender": "FEMALE", "language": "nl", "contactVia": "PHONE"},
				 "incidents": [{"occurredOn": "2026-11-01", "kind": "WRITTEN_THREAT", "channel": "EMAIL",
				                "perpetrator": "UNKNOWN", "policeReport": "NONE", "homeFrontInvolved": false,
				                "description": "Dreigmail na de raadsvergadering"}]}""".formatted(subject, summary);
	}

	static JsonNode read(Response response) {
		return JSON.readTree(response.body());
	}

	static long count(JdbcClient jdbc, String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}
}
