package nl.weerbaar.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security events reach the audit trail (ASVS V16.3.1, V16.3.3): a token at work (once a minute, not per request), a
 * refused token (each, up to ten per address a minute), and on the anonymous route a filled honeypot, a forged form
 * token and a wrong receipt code, none with an address, a code or anything typed.
 */
@WebTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityEventTests {

	private static final Pattern SECRET = Pattern.compile("id=\"token-secret\">(wb_[A-Za-z0-9_-]+)<");
	private static final HttpClient SCRIPT = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokensUseIsRecordedOnceAMinuteNotForEveryRequest() {
		TestAccount account = new TestAccounts(context).create(Role.SUPPORTER);
		WebSession browser = new WebSession(port);
		browser.signIn(account.username(), TestAccounts.PASSWORD);
		browser.get("/account/tokens/new");
		Matcher secret = SECRET.matcher(browser.post("/account/tokens",
				Map.of("name", "Script", "roles", "SUPPORTER", "days", "30")).body());
		assertThat(secret.find()).isTrue();
		UUID token = jdbc.sql("select id from access_token where account_id = ?").param(account.id()).query(UUID.class).single();

		for (int i = 0; i < 3; i++) {
			assertThat(call(secret.group(1), "203.0.113.10").statusCode()).isEqualTo(200);
		}
		assertThat(used(token)).as("three calls in a minute, one record").isEqualTo(1);
		assertThat(jdbc.sql("select actor_id from audit_event where action = 'TOKEN_USED' and object_id = ?")
			.param(token.toString()).query(UUID.class).single()).isEqualTo(account.id());

		jdbc.sql("update access_token set last_used_at = last_used_at - interval '2 minutes' where id = ?").param(token).update();
		call(secret.group(1), "203.0.113.10");
		assertThat(used(token)).as("a minute later, the next").isEqualTo(2);
	}

	@Test
	void everyRefusedTokenIsRecordedUpToTenAMinuteFromOneAddress() {
		String address = "203.0.113." + (20 + new java.util.Random().nextInt(200));
		String sent = "wb_" + "z".repeat(43);
		for (int i = 0; i < 12; i++) {
			assertThat(call(sent, address).statusCode()).as("every one refused").isEqualTo(401);
		}
		assertThat(jdbc.sql("""
				select count(*) from audit_event
				where action = 'TOKEN_USED' and result = 'DENIED' and origin = ? and actor_id is null and object_id is null""")
			.param(address).query(Long.class).single()).isEqualTo(10);
		assertThat(jdbc.sql("select count(*) from audit_event where object_id like 'wb_%'").query(Long.class).single())
			.as("what was sent is never recorded").isZero();
	}

	@Test
	@Order(Integer.MAX_VALUE) // last: it spends this node's cap for the minute, which the other tests count on
	void refusedTokensFromOneIpv6NetworkCountTogetherAndAFloodFromManyAddressesIsCappedInAll() {
		String network = "2001:db8:" + Integer.toHexString(0x100 + new java.util.Random().nextInt(0xe00)) + ":7:";
		String sent = "wb_" + "y".repeat(43);
		for (int i = 0; i < 12; i++) {
			assertThat(call(sent, network + ":" + Integer.toHexString(i + 1)).statusCode()).isEqualTo(401);
		}
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'TOKEN_USED' and result = 'DENIED' "
				+ "and origin like ?").param(network + "%").query(Long.class).single())
			.as("twelve addresses of one /64 are one address").isEqualTo(10);

		int third = 1 + new java.util.Random().nextInt(200);
		for (int i = 1; i <= 120; i++) {
			assertThat(call(sent, "198.18." + third + "." + i).statusCode()).as("every one refused").isEqualTo(401);
		}
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'TOKEN_USED' and result = 'DENIED' "
				+ "and origin like ?").param("198.18." + third + ".%").query(Long.class).single())
			.as("120 addresses, one refusal each, are recorded up to the cap for all addresses in a minute")
			.isBetween(1L, 100L);
	}

	@Test
	void theAnonymousRouteRecordsAHoneypotAForgedFormTokenAndAWrongReceiptCode() {
		long honeypot = events("PUBLIC_HONEYPOT");
		long forged = events("PUBLIC_FORGED_FORM_TOKEN");
		long wrongCode = events("PUBLIC_WRONG_RECEIPT_CODE");
		WebSession bot = new WebSession(port);
		bot.get("/hulp");
		Map<String, String> filled = form();
		filled.put("website", "http://spam.example");
		assertThat(bot.post("/hulp", filled, "X-Forwarded-For", "198.51.100.201").status()).isEqualTo(400);
		Map<String, String> fake = form();
		fake.put("token", "1700000000." + "A".repeat(43));
		assertThat(bot.post("/hulp", fake, "X-Forwarded-For", "198.51.100.202").status()).isEqualTo(400);
		bot.get("/hulp/status");
		assertThat(bot.post("/hulp/status", Map.of("code", "1234 5678 9012 3456 7890"), "X-Forwarded-For",
				"198.51.100.203").status()).isEqualTo(400);

		assertThat(events("PUBLIC_HONEYPOT")).isEqualTo(honeypot + 1);
		assertThat(events("PUBLIC_FORGED_FORM_TOKEN")).isEqualTo(forged + 1);
		assertThat(events("PUBLIC_WRONG_RECEIPT_CODE")).isEqualTo(wrongCode + 1);
		assertThat(jdbc.sql("""
				select count(*) from audit_event where action like 'PUBLIC_%'
				and (origin is not null or actor_id is not null or object_id is not null or result <> 'DENIED')""")
			.query(Long.class).single()).as("no address, no person, no code").isZero();
	}

	private long events(String action) {
		return jdbc.sql("select count(*) from audit_event where action = ?").param(action).query(Long.class).single();
	}

	private long used(UUID token) {
		return jdbc.sql("select count(*) from audit_event where action = 'TOKEN_USED' and result = 'ALLOWED' and object_id = ?")
			.param(token.toString()).query(Long.class).single();
	}

	private static Map<String, String> form() {
		Map<String, String> form = new HashMap<>();
		form.put("summary", "Bedreiging via de mail");
		form.put("kind", "ONLINE_ABUSE");
		form.put("occurredOn", "2026-11-20");
		form.put("token", "");
		return form;
	}

	private HttpResponse<String> call(String token, String address) {
		try {
			return SCRIPT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases"))
				.header("Authorization", "Bearer " + token)
				.header("X-Forwarded-For", address)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
