package nl.weerbaar.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in account, with a session or a token, makes only so many requests (ASVS V2.4.1): here 30 an hour, so that
 * nothing refills during the test. Past it the API answers 429 with a problem and Retry-After, a page the error page;
 * other accounts go on.
 */
@WebTest
@TestPropertySource(properties = { "weerbaar.security.account-rate.capacity=30",
		"weerbaar.security.account-rate.period=1h" })
class AccountRateLimitTests {

	private static final Pattern SECRET = Pattern.compile("id=\"token-secret\">(wb_[A-Za-z0-9_-]+)<");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void anAccountPastItsRateGetsTooManyRequestsOnTheApiAndOnPagesWhileOthersGoOn() {
		TestAccount busy = new TestAccounts(context).create(Role.SUPPORTER);
		WebSession browser = new WebSession(port);
		assertThat(browser.signIn(busy.username(), TestAccounts.PASSWORD).location()).endsWith("/");
		browser.get("/account/tokens/new");
		Matcher secret = SECRET.matcher(browser.post("/account/tokens",
				Map.of("name", "Script", "roles", "SUPPORTER", "days", "30")).body());
		assertThat(secret.find()).isTrue();

		int ok = 0;
		HttpResponse<String> refused = null;
		for (int i = 0; i < 40 && refused == null; i++) {
			HttpResponse<String> answer = call(secret.group(1));
			if (answer.statusCode() == 429) {
				refused = answer;
			}
			else {
				assertThat(answer.statusCode()).isEqualTo(200);
				ok++;
			}
		}
		assertThat(refused).as("refused within 40 calls").isNotNull();
		assertThat(ok).as("the page requests of the same account counted too").isLessThan(30);
		assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(refused.body()).contains("\"status\":429").contains("urn:weerbaar:problem:rate-limited");
		assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();

		Response page = browser.get("/cases");
		assertThat(page.status()).isEqualTo(429);
		assertThat(page.header("Retry-After")).isPresent();
		assertThat(page.body()).contains("Even wachten").doesNotContain("Exception");

		WebSession other = new WebSession(port);
		other.signIn(new TestAccounts(context).create(Role.SUPPORTER).username(), TestAccounts.PASSWORD);
		assertThat(other.get("/cases").status()).as("another account goes on").isEqualTo(200);
		assertThat(new WebSession(port).get("/login").status()).as("nobody signed in is not counted here").isEqualTo(200);
	}

	private HttpResponse<String> call(String token) {
		try {
			return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases"))
				.header("Authorization", "Bearer " + token)
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
