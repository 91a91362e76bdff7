package nl.weerbaar.intake;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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

/** A request holds at most 50 incidents and takes at most 20 messages an hour per kind of author; texts are bounded. */
@WebTest
class RequestBoundsTests {

	private static final String INCIDENT = """
			{"occurredOn": "2026-11-01", "kind": "WRITTEN_THREAT", "channel": "EMAIL", "description": "Dreigmail"}""";

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
	void aRequestWithFiftyOneIncidentsIsRefusedWholeAndNothingIsSaved() {
		UUID subject = fixtures.alderman(null);
		Response refused = api.postJson("/api/v1/support-requests", request(subject, "Reeks dreigmails", 51));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(read(refused).get("errors").get(0).get("field").asString()).isEqualTo("incidents");
		assertThat(read(refused).get("errors").get(0).get("code").asString()).isEqualTo("intake.incidents.tooMany");
		assertThat(count(jdbc, "select count(*) from support_request where subject_id = ?", subject)).isZero();
	}

	@Test
	void theFiftyFirstIncidentIsRefusedAndNotSaved() {
		Response created = api.postJson("/api/v1/support-requests", request(fixtures.alderman(null), "Reeks dreigmails", 50));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = read(created).get("id").asString();

		Response refused = api.postJson("/api/v1/support-requests/" + id + "/incidents", INCIDENT);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(read(refused).get("errors").get(0).get("code").asString()).isEqualTo("intake.incidents.tooMany");
		assertThat(count(jdbc, "select count(*) from incident where request_id = ?::uuid", id)).isEqualTo(50);
	}

	@Test
	void theTwentyFirstMessageWithinAnHourIsRefusedAndTheNextHourTakesMessagesAgain() {
		String id = fixtures.phoneRequest(fixtures.alderman(null), "Berichten").get("id").asString();
		for (int i = 1; i <= 20; i++) {
			assertThat(api.postJson("/api/v1/support-requests/" + id + "/messages", "{\"text\": \"Bericht " + i + "\"}").status())
				.isEqualTo(200);
		}

		Response refused = api.postJson("/api/v1/support-requests/" + id + "/messages", "{\"text\": \"Bericht 21\"}");

		assertThat(refused.status()).isEqualTo(400);
		JsonNode error = read(refused).get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("message");
		assertThat(error.get("code").asString()).isEqualTo("intake.message.tooMany");
		assertThat(count(jdbc, "select count(*) from request_message where request_id = ?::uuid", id)).isEqualTo(20);

		// an hour later (the messages moved back in time rather than the test waiting)
		jdbc.sql("update request_message set sent_at = sent_at - interval '61 minutes' where request_id = ?::uuid").param(id).update();
		assertThat(api.postJson("/api/v1/support-requests/" + id + "/messages", "{\"text\": \"Bericht 21\"}").status())
			.isEqualTo(200);
	}

	@Test
	void anOverlongSummaryIsRefusedWithItsFieldAndNothingIsSaved() {
		UUID subject = fixtures.alderman(null);
		Response refused = api.postJson("/api/v1/support-requests", request(subject, "x".repeat(4001), 1));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(read(refused).get("errors").get(0).get("field").asString()).isEqualTo("summary");
		assertThat(read(refused).get("errors").get(0).get("code").asString()).isEqualTo("field.tooLong");
		assertThat(count(jdbc, "select count(*) from support_request where subject_id = ?", subject)).isZero();
	}

	private static String request(UUID subject, String summary, int incidents) {
		return """
				{"subjectId": "%s", "channel": "PHONE", "summary": "%s", "incidents": [%s]}"""
			.formatted(subject, summary, IntStream.range(0, incidents).mapToObj(i -> INCIDENT).collect(Collectors.joining(",")));
	}
}
