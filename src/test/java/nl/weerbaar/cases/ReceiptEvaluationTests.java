package nl.weerbaar.cases;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.weerbaar.cases.CaseFixtures.OpenCase;
import nl.weerbaar.cases.CaseFixtures.SupporterAt;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Someone who asked through the public form evaluates their closed case on the receipt page, without an account. */
@WebTest
class ReceiptEvaluationTests {

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
	private static final Pattern CODE = Pattern.compile("id=\"receipt-code\">([\\d ]+)<");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theReceiptPageInvitesToEvaluateOnceTheCaseIsClosed() {
		WebSession visitor = new WebSession(port);
		Matcher token = TOKEN.matcher(visitor.get("/hulp").body());
		assertThat(token.find()).isTrue();
		Map<String, String> form = new HashMap<>(Map.of("summary", "Bedreigd via de app", "function", "ALDERMAN", "kind", "ONLINE_ABUSE",
				"occurredOn", "2026-11-20", "token", token.group(1)));
		Response receipt = visitor.post("/hulp", form, "X-Forwarded-For", "198.51.100.77");
		Matcher code = CODE.matcher(receipt.body());
		assertThat(code.find()).as(receipt.body()).isTrue();
		UUID request = jdbc.sql("select id from support_request where channel = 'PUBLIC_FORM' order by created_at desc limit 1")
			.query(UUID.class).single();

		CaseFixtures fixtures = new CaseFixtures(context, port);
		SupporterAt supporter = fixtures.supporter("PV26");
		UUID holder = fixtures.officeHolder(null);
		assertThat(fixtures.coordinator.putJson("/api/v1/support-requests/" + request + "/subject", "{\"subjectId\": \"" + holder + "\"}")
			.status()).isEqualTo(200);
		OpenCase open = fixtures.openCase(supporter, request, holder, "LOW");

		WebSession holderOfCode = new WebSession(port);
		holderOfCode.get("/hulp/status");
		holderOfCode.post("/hulp/status", Map.of("code", code.group(1)), "X-Forwarded-For", "198.51.100.78");
		assertThat(holderOfCode.get("/hulp/status/aanvraag").body()).doesNotContain("/hulp/evaluatie");
		assertThat(holderOfCode.get("/hulp/evaluatie").status()).as("not before closing").isEqualTo(302);

		supporter.session().postJson("/api/v1/cases/" + open.caseId() + "/closure", "{\"reason\": \"RESOLVED\", \"summary\": \"Afgerond\"}");
		assertThat(holderOfCode.get("/hulp/status/aanvraag").body()).contains("/hulp/evaluatie");
		assertThat(holderOfCode.get("/hulp/evaluatie").status()).isEqualTo(200);
		Response empty = holderOfCode.post("/hulp/evaluatie", Map.of("comment", "Alleen een opmerking"));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("Kies een cijfer").contains("Alleen een opmerking");
		Response sent = holderOfCode.post("/hulp/evaluatie", Map.of("satisfaction", "5", "wouldRecommend", "true", "comment", "Top"));
		assertThat(sent.status()).isEqualTo(302);
		assertThat(holderOfCode.get("/hulp/evaluatie").body()).contains("Dank u wel");
		assertThat(holderOfCode.post("/hulp/evaluatie", Map.of("satisfaction", "1", "wouldRecommend", "false")).status()).isEqualTo(400);
		assertThat(jdbc.sql("select satisfaction from case_evaluation where case_id = ?").param(open.caseId()).query(Integer.class).single())
			.isEqualTo(5);

		assertThat(new WebSession(port).get("/hulp/evaluatie").status()).as("without a code").isEqualTo(302);
	}
}
