package nl.weerbaar.security;

import java.util.Map;

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

/**
 * The current password asked on {@code /account/password} is checked behind the sign-in throttle: someone at a
 * signed-in browser cannot guess it there without limit (and then take the account over with a password of their own).
 */
@WebTest
class PasswordChangeThrottleTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void wrongCurrentPasswordsCountLikeWrongSignIns() {
		TestAccount client = new TestAccounts(context).create(Role.CLIENT);
		WebSession borrowed = new WebSession(port);
		assertThat(borrowed.signIn(client.username(), TestAccounts.PASSWORD).status()).isEqualTo(302);

		for (int i = 0; i < 5; i++) {
			Response wrong = change(borrowed, "guess number " + i);
			assertThat(wrong.status()).isEqualTo(200);
			assertThat(wrong.body()).contains("Het huidige wachtwoord is onjuist.");
		}
		Response right = change(borrowed, TestAccounts.PASSWORD);
		assertThat(right.status()).as("even the right one waits now").isEqualTo(200);
		assertThat(right.body()).contains("Te veel mislukte pogingen");
		assertThat(new WebSession(port).signInWithPasswordOnly(client.username(), TestAccounts.PASSWORD).location())
			.as("the password was not changed, and the throttle holds for the sign-in too").endsWith("/login?throttled");
	}

	private static Response change(WebSession session, String current) {
		session.get("/account/password");
		return session.post("/account/password", Map.of("currentPassword", current, "newPassword",
				"a brand new passphrase of mine", "confirmation", "a brand new passphrase of mine"));
	}
}
