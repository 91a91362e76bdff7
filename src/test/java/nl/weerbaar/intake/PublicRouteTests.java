package nl.weerbaar.intake;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static nl.weerbaar.intake.IntakeFixtures.count;
import static nl.weerbaar.intake.IntakeFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/** The anonymous route over real HTTP: the form, the receipt code, the status page, throttling and bad input. */
@WebTest
class PublicRouteTests {

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
	private static final Pattern CODE = Pattern.compile("id=\"receipt-code\">([\\d ]+)<");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRequestWithoutAnAccountGivesAReceiptCodeThatIsKeptOnlyAsASlowHash() {
		WebSession visitor = new WebSession(port);
		Response receipt = submit(visitor, form("Ik word bedreigd via Instagram", "COUNCIL_MEMBER"));
		assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
		assertThat(receipt.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
		String code = code(receipt);
		assertThat(code.replace(" ", "")).matches("\\d{20}");
		String digits = code.replace(" ", "");
		assertThat(count(jdbc, "select count(*) from support_request where receipt_hash like ?", "%" + digits + "%")).isZero();
		String hash = jdbc.sql("select receipt_hash from support_request where channel = 'PUBLIC_FORM' order by created_at desc limit 1")
			.query(String.class).single();
		assertThat(hash).hasSizeGreaterThan(40).doesNotContain(digits);
		assertThat(count(jdbc, "select count(*) from audit_event where object_id like ?", "%" + digits + "%")).isZero();
		assertThat(count(jdbc, """
				select count(*) from data_subject d join support_request r on r.id = d.id
				where r.receipt_hash = ? and d.retention_kind = 'UNCONFIRMED_PUBLIC_REQUEST'""", hash))
			.as("an unconfirmed public request is kept 90 days").isEqualTo(1);
	}

	@Test
	void theReceiptCodeShowsTheStatusAndTheMessagesAndTakesMoreInformation() {
		WebSession visitor = new WebSession(port);
		String code = code(submit(visitor, form("Vreemde auto voor de deur", "ALDERMAN")));

		WebSession later = new WebSession(port);
		later.get("/hulp/status");
		String before = later.sessionId().orElse("");
		Response redeemed = later.post("/hulp/status", Map.of("code", "  " + code.replace(" ", " - ") + " "),
				"X-Forwarded-For", "203.0.113.10");
		assertThat(redeemed.status()).isEqualTo(302);
		assertThat(redeemed.location()).endsWith("/hulp/status/aanvraag").doesNotContain(code.replace(" ", ""));
		assertThat(later.sessionId()).as("a new session id once the code is known").isPresent().get().isNotEqualTo(before);
		Response status = later.get("/hulp/status/aanvraag");
		assertThat(status.status()).isEqualTo(200);
		assertThat(status.body()).contains("Vreemde auto voor de deur").contains("Nieuw");

		String id = jdbc.sql("select id::text from support_request where channel = 'PUBLIC_FORM' order by created_at desc limit 1")
			.query(String.class).single();
		IntakeFixtures fixtures = new IntakeFixtures(port, context);
		Response message = fixtures.coordinatorApi.postJson("/api/v1/support-requests/" + id + "/messages",
				"{\"text\": \"Wilt u ons bellen? Wij zijn 24 uur bereikbaar.\"}");
		assertThat(message.status()).as(message.body()).isEqualTo(200);
		assertThat(later.get("/hulp/status/aanvraag").body()).contains("Wilt u ons bellen? Wij zijn 24 uur bereikbaar.");

		Response added = later.post("/hulp/status/aanvraag/informatie", Map.of("message", "Kenteken: XX-123-Y"));
		assertThat(added.status()).isEqualTo(302);
		JsonNode seen = read(fixtures.coordinatorApi.get("/api/v1/support-requests/" + id));
		assertThat(seen.get("messages").valueStream().map(m -> m.get("author").asString() + ":" + m.get("body").asString()))
			.containsExactly("COORDINATOR:Wilt u ons bellen? Wij zijn 24 uur bereikbaar.", "REQUESTER:Kenteken: XX-123-Y");
		assertThat(count(jdbc, "select count(*) from audit_event where action = 'READ_CASE' and object_id = ? and actor_id is null", id))
			.as("the receipt holder's reads are recorded too").isGreaterThanOrEqualTo(2);

		later.post("/hulp/status/sluiten", Map.of());
		assertThat(later.get("/hulp/status/aanvraag").status()).as("forgotten on this device").isEqualTo(302);
	}

	@Test
	void wrongCodesAreThrottledPerAddressEvenBeforeTheRightOne() {
		WebSession visitor = new WebSession(port);
		String code = code(submit(visitor, form("Throttle", null)));
		WebSession guesser = new WebSession(port);
		guesser.get("/hulp/status");
		String address = "198.51.100." + new Random().nextInt(250);
		for (int i = 0; i < 5; i++) {
			Response wrong = guesser.post("/hulp/status", Map.of("code", "1234 5678 9012 3456 789" + i), "X-Forwarded-For", address);
			assertThat(wrong.status()).as("attempt " + (i + 1)).isEqualTo(400);
			assertThat(wrong.body()).contains("Deze code klopt niet");
		}
		Response throttled = guesser.post("/hulp/status", Map.of("code", code), "X-Forwarded-For", address);
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.body()).doesNotContain("Throttle");
		Response elsewhere = new WebSession(port).get("/hulp/status");
		assertThat(elsewhere.status()).isEqualTo(200);
	}

	@Test
	void aFilledHoneypotOrAForgedTokenSavesNothing() {
		long before = count(jdbc, "select count(*) from support_request");
		WebSession bot = new WebSession(port);
		bot.get("/hulp");
		Map<String, String> honeypot = form("Buy cheap", null);
		honeypot.put("website", "http://spam.example");
		assertThat(submitAsIs(bot, honeypot).status()).isEqualTo(400);
		Map<String, String> forged = form("Met vals token", null);
		forged.put("token", "1700000000." + "A".repeat(43));
		assertThat(submitAsIs(bot, forged).status()).isEqualTo(400);
		assertThat(count(jdbc, "select count(*) from support_request")).isEqualTo(before);
	}

	@Test
	void fuzzedBadInputNeverGivesAServerErrorAndNeverSavesHalfARequest() {
		Random random = new Random(20261129);
		String[] nasty = { "", " ", "\u0000", "'; drop table support_request; --", "<script>alert(1)</script>", "x".repeat(5000),
				"2026-02-30", "9999-12-31", "-1", "MAYOR ", "null", "\uD83D\uDE00", "%00", "../../etc/passwd", "１２３" };
		String[] fields = { "summary", "function", "kind", "occurredOn", "homeFrontInvolved", "name", "contact", "contactVia" };
		WebSession visitor = new WebSession(port);
		for (int round = 0; round < 60; round++) {
			long before = count(jdbc, "select count(*) from support_request");
			visitor.get("/hulp");
			Map<String, String> bad = new HashMap<>();
			for (String field : fields) {
				if (random.nextInt(3) > 0) {
					bad.put(field, nasty[random.nextInt(nasty.length)]);
				}
			}
			// make sure each round is invalid in at least one way a person could be
			switch (round % 4) {
				case 0 -> bad.put("summary", random.nextBoolean() ? "" : "y".repeat(4001));
				case 1 -> bad.put("occurredOn", "2999-01-01");
				case 2 -> bad.put("function", "PRESIDENT");
				default -> bad.put("kind", "\u0000");
			}
			Matcher token = TOKEN.matcher(visitor.get("/hulp").body());
			assertThat(token.find()).isTrue();
			bad.put("token", token.group(1));
			Response response = visitor.post("/hulp", bad, "X-Forwarded-For", "192.0.2." + (round % 200));
			assertThat(response.status()).as("round " + round + ": " + bad.keySet()).isEqualTo(400);
			assertThat(response.body()).doesNotContain("<script>alert(1)</script>");
			assertThat(count(jdbc, "select count(*) from support_request")).as("round " + round).isEqualTo(before);
		}
	}

	@Test
	void theFormKeepsWhatWasTypedAndSaysWhatIsWrongNextToTheField() {
		WebSession visitor = new WebSession(port);
		Map<String, String> form = form("", "MAYOR");
		form.put("contact", "bel me op 06-12345678");
		Response refused = submit(visitor, form);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"summary-error\"").contains("bel me op 06-12345678")
			.contains("<option value=\"MAYOR\" selected=\"selected\"");
	}

	private Response submit(WebSession visitor, Map<String, String> form) {
		Matcher token = TOKEN.matcher(visitor.get("/hulp").body());
		assertThat(token.find()).isTrue();
		form.put("token", token.group(1));
		return submitAsIs(visitor, form);
	}

	private Response submitAsIs(WebSession visitor, Map<String, String> form) {
		return visitor.post("/hulp", form, "X-Forwarded-For", "192.0.2." + new Random().nextInt(250));
	}

	private static Map<String, String> form(String summary, String function) {
		Map<String, String> form = new HashMap<>();
		form.put("summary", summary);
		if (function != null) {
			form.put("function", function);
		}
		form.put("kind", "ONLINE_ABUSE");
		form.put("occurredOn", "2026-11-20");
		form.put("token", "");
		return form;
	}

	private static String code(Response receipt) {
		Matcher code = CODE.matcher(receipt.body());
		assertThat(code.find()).as(receipt.body()).isTrue();
		return code.group(1).strip();
	}
}
