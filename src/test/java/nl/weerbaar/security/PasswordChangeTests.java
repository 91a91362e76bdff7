package nl.weerbaar.security;

import java.util.Map;

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

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
class PasswordChangeTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private TestAccount account;
	private WebSession browser;

	@BeforeEach
	void signIn() {
		account = new TestAccounts(context).create(Role.SUPPORTER);
		browser = new WebSession(port);
		browser.signIn(account.username(), TestAccounts.PASSWORD);
		browser.get("/account/password");
	}

	@Test
	void acceptsTwelveCharactersAndSignsInWithTheNewPassword() {
		Response changed = change(TestAccounts.PASSWORD, "twelve chars");
		assertThat(changed.location()).endsWith("/");
		assertThat(new WebSession(port).signIn(account.username(), "twelve chars").location()).endsWith("/");
		assertThat(new WebSession(port).signIn(account.username(), TestAccounts.PASSWORD).location()).endsWith("?error");
	}

	@Test
	void accepts128CharactersAndRefuses129() {
		assertThat(change(TestAccounts.PASSWORD, "p".repeat(129)).body()).contains("hoogstens 128 tekens");
		String long128 = new java.util.Random(128).ints(128, 'a', 'z' + 1)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		assertThat(change(TestAccounts.PASSWORD, long128).location()).endsWith("/");
	}

	@Test
	void refusesElevenCharactersNextToTheField() {
		Response refused = change(TestAccounts.PASSWORD, "eleven char");
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"newPassword-error\"").contains("minstens 12 tekens");
	}

	@Test
	void refusesAWrongCurrentPasswordAndAMismatchedConfirmation() {
		assertThat(change("not my password", "a new long password").body()).contains("id=\"currentPassword-error\"");
		browser.get("/account/password");
		Response mismatch = browser.post("/account/password", Map.of("currentPassword", TestAccounts.PASSWORD,
				"newPassword", "a new long password", "confirmation", "another long password"));
		assertThat(mismatch.body()).contains("id=\"confirmation-error\"");
	}

	@Test
	void neverEchoesAPasswordBackIntoThePage() {
		Response refused = change("my-secret-current-1", "short-secret");
		assertThat(refused.body()).doesNotContain("my-secret-current-1").doesNotContain("short-secret");
	}

	@Test
	void endsTheOtherSessionsButKeepsThisOne() {
		WebSession elsewhere = new WebSession(port);
		elsewhere.signIn(account.username(), TestAccounts.PASSWORD);
		assertThat(elsewhere.get("/").status()).isEqualTo(200);
		assertThat(change(TestAccounts.PASSWORD, "a brand new passphrase").location()).endsWith("/");
		assertThat(browser.get("/").status()).isEqualTo(200);
		assertThat(elsewhere.get("/").location()).endsWith("/login");
	}

	private Response change(String current, String next) {
		browser.get("/account/password");
		return browser.post("/account/password",
				Map.of("currentPassword", current, "newPassword", next, "confirmation", next));
	}
}
