package nl.weerbaar.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal access tokens: made after step-up, shown once, kept hashed, role-limited, revocable, expiring. */
@WebTest
class AccessTokenTests {

	private static final Pattern SECRET = Pattern.compile("id=\"token-secret\">(wb_[A-Za-z0-9_-]+)<");
	private static final HttpClient SCRIPT = HttpClient.newHttpClient();

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
	void aTokenIsShownOnceKeptHashedAndActsWithOnlyTheRolesItWasGiven() {
		TestAccount account = accounts.create(Role.COORDINATOR, Role.SUPPORTER);
		WebSession browser = signedIn(account);
		String token = make(browser, Map.of("name", "Mijn script", "roles", "SUPPORTER", "days", "30"));

		assertThat(jdbc.sql("select count(*) from access_token where account_id = ? and token_hash <> ?::bytea")
			.params(account.id(), token.getBytes()).query(Long.class).single()).as("kept as a hash").isEqualTo(1);
		assertThat(browser.get("/account/tokens").body()).contains("Mijn script").doesNotContain(token);

		assertThat(call("GET", "/api/v1/cases", token).statusCode()).isEqualTo(200);
		assertThat(call("GET", "/api/v1/office-holders", token).statusCode()).as("the coordinator role was not given")
			.isEqualTo(403);
		assertThat(call("POST", "/api/v1/cases/" + UUID.randomUUID() + "/contacts", token).statusCode())
			.as("no CSRF token is needed: the browser adds no token by itself").isEqualTo(404);
		assertThat(jdbc.sql("select last_used_at is not null from access_token where account_id = ?")
			.param(account.id()).query(Boolean.class).single()).isTrue();

		String coordinatorToken = make(browser, Map.of("name", "Export", "roles", "COORDINATOR", "days", "1"));
		HttpResponse<String> export = call("GET", "/api/v1/subjects/" + UUID.randomUUID() + "/export", coordinatorToken);
		assertThat(export.statusCode()).as("a token never passes step-up").isEqualTo(403);
		assertThat(export.body()).contains("urn:weerbaar:problem:step-up-required");
	}

	@Test
	void aTokenCannotHaveMoreThanItsOwnersRolesOrTooLongALife() {
		TestAccount account = accounts.create(Role.SUPPORTER);
		WebSession browser = signedIn(account);
		browser.get("/account/tokens/new");
		Response tooMuch = browser.post("/account/tokens", Map.of("name", "Te veel", "roles", "ADMIN", "days", "30"));
		assertThat(tooMuch.status()).isEqualTo(200);
		assertThat(tooMuch.body()).contains("id=\"roles-error\"").doesNotContain("token-secret");
		Response tooLong = browser.post("/account/tokens", Map.of("name", "Te lang", "roles", "SUPPORTER", "days", "400"));
		assertThat(tooLong.body()).contains("id=\"days-error\"").contains("value=\"Te lang\"");
		Response noName = browser.post("/account/tokens", Map.of("name", " ", "roles", "SUPPORTER", "days", "30"));
		assertThat(noName.status()).isEqualTo(200);
		assertThat(noName.body()).contains("id=\"name-error\"");
		Response notANumber = browser.post("/account/tokens", Map.of("name", "Script", "roles", "SUPPORTER", "days", "x"));
		assertThat(notANumber.status()).isEqualTo(200);
		assertThat(notANumber.body()).contains("id=\"days-error\"");
		assertThat(jdbc.sql("select count(*) from access_token t join account a on a.id = t.account_id where a.username = ?")
			.param(account.username()).query(Long.class).single()).as("nothing was made").isZero();
	}

	@Test
	void aRevokedAnExpiredAndAnUnknownTokenAreRefusedAlike() {
		TestAccount account = accounts.create(Role.SUPPORTER);
		WebSession browser = signedIn(account);
		String revoked = make(browser, Map.of("name", "Ingetrokken", "roles", "SUPPORTER", "days", "30"));
		String expired = make(browser, Map.of("name", "Verlopen", "roles", "SUPPORTER", "days", "30"));
		String disabledOwner = make(browser, Map.of("name", "Blijft", "roles", "SUPPORTER", "days", "30"));
		UUID revokedId = jdbc.sql("select id from access_token where name = 'Ingetrokken' and account_id = ?")
			.param(account.id()).query(UUID.class).single();
		browser.get("/account/tokens");
		assertThat(browser.post("/account/tokens/" + revokedId + "/revocation", Map.of()).location())
			.endsWith("/account/tokens");
		jdbc.sql("update access_token set expires_at = now() - interval '1 second' where name = 'Verlopen' and account_id = ?")
			.param(account.id()).update();

		HttpResponse<String> unknown = call("GET", "/api/v1/cases", "wb_" + "x".repeat(43));
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(unknown.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
		for (String token : new String[] { revoked, expired }) {
			HttpResponse<String> refused = call("GET", "/api/v1/cases", token);
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.body()).isEqualTo(unknown.body());
		}
		assertThat(call("GET", "/api/v1/cases", disabledOwner).statusCode()).isEqualTo(200);
		jdbc.sql("update account set enabled = false where id = ?").param(account.id()).update();
		assertThat(call("GET", "/api/v1/cases", disabledOwner).statusCode()).as("the owner's account is disabled")
			.isEqualTo(401);

		WebSession someoneElse = signedIn(accounts.create(Role.SUPPORTER));
		someoneElse.get("/account/tokens");
		UUID kept = jdbc.sql("select id from access_token where name = 'Blijft' and account_id = ?")
			.param(account.id()).query(UUID.class).single();
		assertThat(someoneElse.post("/account/tokens/" + kept + "/revocation", Map.of()).status())
			.as("another's token is not found").isEqualTo(404);
	}

	@Test
	void aPartnersSystemFetchesItsReferralsWithATokenItsAdministratorMade() {
		WebSession admin = signedIn(accounts.create(Role.ADMIN));
		String username = "ccv-koppeling-" + System.nanoTime();
		admin.get("/admin/accounts/new");
		Response created = admin.post("/admin/accounts", Map.of("username", username, "displayName", "CCV-koppeling",
				"roles", "PARTNER", "integration", "true"));
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.body()).doesNotContain("initial-password");
		UUID integration = accounts.idOf(username);
		jdbc.sql("insert into partner_member (account_id, partner_id) select ?, id from partner where code = 'CCV'")
			.param(integration).update();

		admin.get("/admin/accounts/" + integration);
		Response made = admin.post("/admin/accounts/" + integration + "/tokens",
				Map.of("name", "Verwijzingen ophalen", "roles", "PARTNER", "days", "90"));
		Matcher secret = SECRET.matcher(made.body());
		assertThat(secret.find()).isTrue();
		HttpResponse<String> referrals = call("GET", "/api/v1/referrals", secret.group(1));
		assertThat(referrals.statusCode()).isEqualTo(200);
		assertThat(referrals.headers().firstValue("Set-Cookie")).as("no session is made for a token").isEmpty();
		assertThat(call("GET", "/api/v1/cases", secret.group(1)).statusCode()).isEqualTo(403);

		assertThat(new WebSession(port).signInWithPasswordOnly(username, "anything at all here").location())
			.as("an integration never signs in with a password").endsWith("/login?error");
	}

	private WebSession signedIn(TestAccount account) {
		WebSession browser = new WebSession(port);
		assertThat(browser.signIn(account.username(), TestAccounts.PASSWORD).location()).endsWith("/");
		return browser;
	}

	private static String make(WebSession browser, Map<String, String> form) {
		browser.get("/account/tokens/new");
		Response made = browser.post("/account/tokens", form);
		Matcher secret = SECRET.matcher(made.body());
		assertThat(secret.find()).as(made.body()).isTrue();
		return secret.group(1);
	}

	/** What a script does: a request with the token and nothing else (no cookie, no CSRF token). */
	private HttpResponse<String> call(String method, String path, String token) {
		try {
			return SCRIPT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString("{}"))
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
