package nl.weerbaar.security;

import java.util.Map;

import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
@ExtendWith(OutputCaptureExtension.class)
class SignInTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private TestAccounts accounts;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(context);
	}

	@Test
	void signsInWithUsernameAndPasswordAndLandsOnTheStartPage() {
		TestAccount coordinator = accounts.create(Role.COORDINATOR);
		WebSession browser = new WebSession(port);
		Response answer = browser.signIn(coordinator.username(), TestAccounts.PASSWORD);
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/");
		Response home = browser.get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("Welkom, Test COORDINATOR");
	}

	@Test
	void usernamesAreNotCaseSensitive() {
		TestAccount supporter = accounts.create(Role.SUPPORTER);
		Response answer = new WebSession(port).signIn(supporter.username().toUpperCase(), TestAccounts.PASSWORD);
		assertThat(answer.location()).endsWith("/");
	}

	@Test
	void theSessionIdChangesAtSignIn() {
		TestAccount analyst = accounts.create(Role.ANALYST);
		WebSession browser = new WebSession(port);
		browser.get("/login");
		String before = browser.sessionId().orElseThrow();
		browser.post("/login", Map.of("username", analyst.username(), "password", TestAccounts.PASSWORD));
		String after = browser.sessionId().orElseThrow();
		assertThat(after).isNotEqualTo(before);
		assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?").param(decode(before))
			.query(Long.class).single()).isZero();
	}

	@Test
	void sessionsLiveInPostgresqlWithAThirtyMinuteIdleTimeout() {
		TestAccount partner = accounts.create(Role.PARTNER);
		WebSession browser = new WebSession(port);
		browser.signIn(partner.username(), TestAccounts.PASSWORD);
		Integer idleSeconds = jdbc.sql("select max_inactive_interval from spring_session where session_id = ?")
			.param(decode(browser.sessionId().orElseThrow()))
			.query(Integer.class)
			.single();
		assertThat(idleSeconds).isEqualTo(30 * 60);
	}

	@Test
	void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
		TestAccount client = accounts.create(Role.CLIENT);
		WebSession first = new WebSession(port);
		Response wrongPassword = first.signIn(client.username(), "not the right password");
		WebSession second = new WebSession(port);
		Response unknownUser = second.signIn("nobody-" + client.username(), "not the right password");
		assertThat(wrongPassword.status()).isEqualTo(unknownUser.status()).isEqualTo(302);
		assertThat(wrongPassword.location()).isEqualTo(unknownUser.location()).endsWith("/login?error");
		assertThat(first.get("/login?error").body()).contains("De gebruikersnaam of het wachtwoord is onjuist");
	}

	@Test
	void aDisabledAccountAnswersLikeAWrongPassword() {
		TestAccount supporter = accounts.create(Role.SUPPORTER);
		jdbc.sql("update account set enabled = false where id = ?").param(supporter.id()).update();
		Response answer = new WebSession(port).signIn(supporter.username(), TestAccounts.PASSWORD);
		assertThat(answer.location()).endsWith("/login?error");
	}

	@Test
	void repeatedFailuresSlowDownEvenTheRightPasswordAndUnknownUsersAlike() {
		TestAccount coordinator = accounts.create(Role.COORDINATOR);
		for (int i = 0; i < 6; i++) {
			new WebSession(port).signIn(coordinator.username(), "wrong password " + i);
		}
		assertThat(new WebSession(port).signIn(coordinator.username(), TestAccounts.PASSWORD).location())
			.endsWith("/login?throttled");
		String ghost = "ghost-" + coordinator.username();
		for (int i = 0; i < 6; i++) {
			new WebSession(port).signIn(ghost, "wrong password " + i);
		}
		assertThat(new WebSession(port).signIn(ghost, "whatever").location()).endsWith("/login?throttled");
	}

	@Test
	void passwordsAreStoredAsArgon2idHashesWithTheStatedParameters() {
		String hash = jdbc.sql("select password_hash from account where username = 'admin'").query(String.class).single();
		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void signingOutEndsTheSession() {
		TestAccount client = accounts.create(Role.CLIENT);
		WebSession browser = new WebSession(port);
		browser.signIn(client.username(), TestAccounts.PASSWORD);
		browser.get("/");
		String cookie = browser.sessionId().orElseThrow();
		assertThat(replaying(cookie).get("/").status()).as("the cookie works before").isEqualTo(200);
		Response signedOut = browser.post("/logout", Map.of());
		assertThat(signedOut.location()).endsWith("/login?logout");
		assertThat(signedOut.header("Clear-Site-Data")).hasValueSatisfying(
				value -> assertThat(value).contains("\"cache\"").contains("\"storage\""));
		assertThat(browser.get("/").location()).endsWith("/login");
		// the server forgot the session: the old cookie, sent again as someone who kept a copy would, is refused
		assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?").param(decode(cookie))
			.query(Long.class).single()).isZero();
		WebSession replay = replaying(cookie);
		assertThat(replay.get("/").location()).endsWith("/login");
		assertThat(replay.get("/api/v1/cases").status()).isEqualTo(401);
	}

	/** A browser that carries a copy of someone's session cookie. */
	private WebSession replaying(String cookie) {
		WebSession copy = new WebSession(port);
		copy.useSessionCookie(cookie);
		return copy;
	}

	@Test
	void logLinesNeverCarryTheUsernameTyped(CapturedOutput output) {
		TestAccount client = accounts.create(Role.CLIENT);
		new WebSession(port).signIn(client.username(), TestAccounts.PASSWORD);
		new WebSession(port).signIn("marieke.de.vries-" + client.id(), "wrong password");
		assertThat(output.getAll()).doesNotContain(client.username()).doesNotContain("marieke.de.vries");
	}

	/** Spring Session's cookie holds the session id in Base64. */
	static String decode(String cookie) {
		return new String(java.util.Base64.getDecoder().decode(cookie));
	}
}
