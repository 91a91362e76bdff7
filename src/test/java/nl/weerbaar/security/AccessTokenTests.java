package nl.weerbaar.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
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

	@Test
	void aPasswordChangeEndsTheOwnersTokens() {
		TestAccount account = accounts.create(Role.SUPPORTER);
		WebSession browser = signedIn(account);
		String token = make(browser, Map.of("name", "Script", "roles", "SUPPORTER", "days", "30"));
		assertThat(call("GET", "/api/v1/cases", token).statusCode()).isEqualTo(200);
		browser.get("/account/password");
		assertThat(browser.post("/account/password", Map.of("currentPassword", TestAccounts.PASSWORD,
				"newPassword", "a brand new passphrase", "confirmation", "a brand new passphrase")).location())
			.endsWith("/");
		assertThat(call("GET", "/api/v1/cases", token).statusCode()).isEqualTo(401);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'TOKEN_REVOKED' and object_id = (select id::text from access_token where account_id = ?)")
			.param(account.id()).query(Long.class).single()).as("audited").isEqualTo(1);
	}

	@Test
	void aSetUpLinkAndAFactorResetEndThePersonsTokens() {
		TestAccount account = accounts.create(Role.SUPPORTER);
		String first = make(signedIn(account), Map.of("name", "Eerste", "roles", "SUPPORTER", "days", "30"));
		WebSession admin = signedIn(accounts.create(Role.ADMIN));
		WebSession secondAdmin = signedIn(accounts.create(Role.ADMIN));
		admin.get("/admin/accounts/" + account.id());
		assertThat(admin.post("/admin/accounts/" + account.id() + "/setup-link", Map.of()).status()).isEqualTo(302);
		assertThat(call("GET", "/api/v1/cases", first).statusCode()).as("only asked").isEqualTo(200);
		assertThat(approve(secondAdmin, account.id()).status()).isEqualTo(200);
		assertThat(call("GET", "/api/v1/cases", first).statusCode()).as("a set-up link").isEqualTo(401);

		String second = make(signedIn(account), Map.of("name", "Tweede", "roles", "SUPPORTER", "days", "30"));
		assertThat(call("GET", "/api/v1/cases", second).statusCode()).isEqualTo(200);
		admin.get("/admin/accounts/" + account.id());
		assertThat(admin.post("/admin/accounts/" + account.id() + "/factor-reset", Map.of()).location())
			.endsWith("/admin/accounts/" + account.id());
		approve(secondAdmin, account.id());
		assertThat(call("GET", "/api/v1/cases", second).statusCode()).as("a factor reset").isEqualTo(401);
	}

	@Test
	void disablingAnAccountAndChangingItsRolesEndItsTokens() {
		TestAccount account = accounts.create(Role.SUPPORTER);
		String token = make(signedIn(account), Map.of("name", "Script", "roles", "SUPPORTER", "days", "30"));
		WebSession admin = signedIn(accounts.create(Role.ADMIN));
		admin.get("/admin/accounts/" + account.id());
		admin.post("/admin/accounts/" + account.id(),
				Map.of("displayName", "Test SUPPORTER", "roles", "SUPPORTER", "enabled", "false"));
		admin.post("/admin/accounts/" + account.id(),
				Map.of("displayName", "Test SUPPORTER", "roles", "SUPPORTER", "enabled", "true"));
		assertThat(call("GET", "/api/v1/cases", token).statusCode()).as("disabled and enabled again").isEqualTo(401);

		String again = make(signedIn(account), Map.of("name", "Opnieuw", "roles", "SUPPORTER", "days", "30"));
		changeRoles(admin, account.id(), "SUPPORTER");
		assertThat(call("GET", "/api/v1/cases", again).statusCode()).as("saved without a change").isEqualTo(200);
		changeRoles(admin, account.id(), "SUPPORTER", "ANALYST");
		assertThat(call("GET", "/api/v1/cases", again).statusCode()).as("a role added").isEqualTo(401);
	}

	@Test
	void anIntegrationsTokensEndOnlyWhenItIsDisabledOrItsRolesChange() {
		WebSession admin = signedIn(accounts.create(Role.ADMIN));
		String username = "koppeling-" + System.nanoTime();
		admin.get("/admin/accounts/new");
		admin.post("/admin/accounts", Map.of("username", username, "displayName", "Koppeling", "roles", "PARTNER",
				"integration", "true"));
		UUID integration = accounts.idOf(username);
		String token = integrationToken(admin, integration, "180");
		admin.get("/admin/accounts/" + integration);
		admin.post("/admin/accounts/" + integration + "/factor-reset", Map.of());
		assertThat(call("GET", "/api/v1/referrals", token).statusCode()).as("a factor reset is no recovery of a system")
			.isEqualTo(200);
		changeRoles(admin, integration, "PARTNER", "ANALYST");
		assertThat(call("GET", "/api/v1/referrals", token).statusCode()).as("a role change").isEqualTo(401);

		String second = integrationToken(admin, integration, "90");
		admin.get("/admin/accounts/" + integration);
		admin.post("/admin/accounts/" + integration, Map.of("displayName", "Koppeling", "roles", "PARTNER",
				"enabled", "false"));
		admin.post("/admin/accounts/" + integration, Map.of("displayName", "Koppeling", "roles", "PARTNER",
				"enabled", "true"));
		assertThat(call("GET", "/api/v1/referrals", second).statusCode()).as("disabled").isEqualTo(401);
	}

	@Test
	void anAdministratorSeesAndRevokesAPersonsTokensOnTheAccountPage() {
		TestAccount account = accounts.create(Role.COORDINATOR);
		String token = make(signedIn(account), Map.of("name", "Rapportage-script", "roles", "COORDINATOR", "days", "30"));
		UUID id = jdbc.sql("select id from access_token where account_id = ?").param(account.id()).query(UUID.class)
			.single();
		WebSession admin = signedIn(accounts.create(Role.ADMIN));
		Response page = admin.get("/admin/accounts/" + account.id());
		assertThat(page.body()).contains("Rapportage-script").doesNotContain(token)
			.contains("/admin/accounts/" + account.id() + "/tokens/" + id + "/revocation")
			.doesNotContain("action=\"/admin/accounts/" + account.id() + "/tokens\"");
		assertThat(admin.post("/admin/accounts/" + account.id() + "/tokens/" + id + "/revocation", Map.of()).location())
			.endsWith("/admin/accounts/" + account.id());
		assertThat(call("GET", "/api/v1/cases", token).statusCode()).isEqualTo(401);
		assertThat(admin.post("/admin/accounts/" + account.id() + "/tokens", Map.of("name", "Niet", "roles",
				"COORDINATOR", "days", "1")).status()).as("an administrator makes no person's token").isEqualTo(404);
	}

	@Test
	void aTokensLongestLifeIsTheShortestOfItsRoles() {
		TestAccount account = accounts.create(Role.COORDINATOR, Role.ANALYST, Role.ADMIN);
		WebSession browser = signedIn(account);
		Response form = browser.get("/account/tokens/new");
		assertThat(form.body()).contains("hoogstens 30 dagen").contains("hoogstens 90 dagen")
			.contains("hoogstens 7 dagen");
		assertThat(tryMake(browser, "COORDINATOR", "31").body()).contains("id=\"days-error\"");
		assertThat(tryMake(browser, "ANALYST", "91").body()).contains("id=\"days-error\"");
		assertThat(tryMake(browser, "ANALYST", "90").body()).contains("token-secret");
		assertThat(tryMakeWithRoles(browser, "31", "COORDINATOR", "ANALYST").body())
			.as("two roles: the shorter limit").contains("id=\"days-error\"");
		assertThat(tryMakeWithRoles(browser, "8", "ADMIN", "ANALYST").body()).contains("id=\"days-error\"");
		assertThat(tryMakeWithRoles(browser, "7", "ADMIN", "ANALYST").body()).contains("token-secret");
		assertThat(jdbc.sql("select max(expires_at - created_at) from access_token where account_id = ? and 'ADMIN' = any(roles)")
			.param(account.id()).query(String.class).single()).isEqualTo("7 days");
	}

	private Response tryMake(WebSession browser, String role, String days) {
		return tryMakeWithRoles(browser, days, role);
	}

	/** Posts the token form with several roles (the form repeats the field, as checkboxes do). */
	private Response tryMakeWithRoles(WebSession browser, String days, String... roles) {
		browser.get("/account/tokens/new");
		List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("name", "Limiet"),
				Map.entry("days", days)));
		for (String role : roles) {
			fields.add(Map.entry("roles", role));
		}
		return browser.postFields("/account/tokens", fields);
	}

	private void changeRoles(WebSession admin, UUID account, String... roles) {
		admin.get("/admin/accounts/" + account);
		List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("displayName", "Gewijzigd"),
				Map.entry("enabled", "true")));
		for (String role : roles) {
			fields.add(Map.entry("roles", role));
		}
		assertThat(admin.postFields("/admin/accounts/" + account, fields).location()).endsWith("/admin/accounts?saved");
	}

	private String integrationToken(WebSession admin, UUID integration, String days) {
		admin.get("/admin/accounts/" + integration);
		Response made = admin.post("/admin/accounts/" + integration + "/tokens",
				Map.of("name", "Ophalen " + days, "roles", "PARTNER", "days", days));
		Matcher secret = SECRET.matcher(made.body());
		assertThat(secret.find()).as(made.body()).isTrue();
		return secret.group(1);
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

	/** A second administrator approves the request waiting on the account's page. */
	private static WebSession.Response approve(WebSession secondAdmin, UUID account) {
		java.util.regex.Matcher approve = java.util.regex.Pattern.compile("/admin/approvals/[0-9a-f-]{36}/approval")
			.matcher(secondAdmin.get("/admin/accounts/" + account).body());
		assertThat(approve.find()).isTrue();
		return secondAdmin.post(approve.group(), Map.of());
	}
}
