package nl.weerbaar.web;

import java.util.List;
import java.util.Map;

import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** One request, one meaning (ASVS 5.0 V15.3.7): no field is read twice or from two places. */
@WebTest
class ParameterPollutionTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aSignInWithTwoUsernamesOrTwoTokensIsRefusedAndSignsNobodyIn() {
		TestAccount client = new TestAccounts(context).create(Role.CLIENT);
		WebSession browser = new WebSession(port);
		browser.get("/login");
		Response twoNames = browser.postFields("/login", List.of(Map.entry("username", client.username()),
				Map.entry("username", "someone-else"), Map.entry("password", TestAccounts.PASSWORD)));
		assertThat(twoNames.status()).isEqualTo(400);
		assertThat(browser.get("/").location()).endsWith("/login");
		Response twoTokens = browser.postFields("/login", List.of(Map.entry("username", client.username()),
				Map.entry("password", TestAccounts.PASSWORD), Map.entry("_csrf", "forged")));
		assertThat(twoTokens.status()).isEqualTo(400);
		browser.signIn(client.username(), TestAccounts.PASSWORD);
		assertThat(browser.get("/").status()).as("the plain form works").isEqualTo(200);
	}

	@Test
	void aFieldInBothTheAddressAndTheBodyOfAFormIsRefused() {
		TestAccount client = new TestAccounts(context).create(Role.CLIENT);
		WebSession browser = new WebSession(port);
		browser.get("/login");
		Response mixed = browser.post("/login?username=someone-else",
				Map.of("username", client.username(), "password", TestAccounts.PASSWORD));
		assertThat(mixed.status()).isEqualTo(400);
		assertThat(browser.get("/").location()).endsWith("/login");
	}

	@Test
	void repeatedFiltersOnAListAreHarmlessAndFieldsMeantToRepeatStillDo() {
		WebSession admin = new WebSession(port);
		admin.signIn(new TestAccounts(context).create(Role.ADMIN).username(), TestAccounts.PASSWORD);
		assertThat(admin.get("/bodies?q=a&q=b").status()).isEqualTo(200);
		admin.get("/admin/accounts/new");
		String username = "hpp-" + System.nanoTime();
		Response created = admin.postFields("/admin/accounts", List.of(Map.entry("username", username),
				Map.entry("displayName", "Twee rollen"), Map.entry("roles", "ANALYST"), Map.entry("roles", "COORDINATOR")));
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.body()).contains(username);
	}

	@Test
	void aJsonBodyWithAMemberTwiceIsUnreadable() {
		WebSession coordinator = new WebSession(port);
		coordinator.signIn(new TestAccounts(context).create(Role.COORDINATOR).username(), TestAccounts.PASSWORD);
		coordinator.get("/");
		Response twice = coordinator.postJson("/api/v1/support-requests",
				"{\"pseudonym\": \"A\", \"pseudonym\": \"B\", \"channel\": \"PHONE\"}");
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(twice.body()).contains("Failed to read request").doesNotContain("\"errors\"");
		Response once = coordinator.postJson("/api/v1/support-requests", "{\"pseudonym\": \"B\", \"channel\": \"PHONE\"}");
		assertThat(once.body()).as("the same body without the repeat is read (and judged on its fields)")
			.doesNotContain("Failed to read request");
	}
}
