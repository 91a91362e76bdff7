package nl.weerbaar.security;

import java.util.Map;
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

@WebTest
class AccountAdministrationTests {

	private static final Pattern INITIAL_PASSWORD = Pattern.compile("id=\"initial-password\">([^<]+)<");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private WebSession admin;

	@BeforeEach
	void signInAsAdministrator() {
		admin = new WebSession(port);
		admin.signIn(new TestAccounts(context).create(Role.ADMIN).username(), TestAccounts.PASSWORD);
	}

	@Test
	void anAdministratorCreatesAnAccountWhoseOwnerMustChooseTheirOwnPassword() {
		String username = "coordinator-" + System.nanoTime();
		admin.get("/admin/accounts/new");
		Response created = admin.post("/admin/accounts",
				Map.of("username", username, "displayName", "Fenna Bakker", "roles", "COORDINATOR"));
		assertThat(created.status()).isEqualTo(200);
		Matcher password = INITIAL_PASSWORD.matcher(created.body());
		assertThat(password.find()).isTrue();

		WebSession owner = new WebSession(port);
		assertThat(owner.signIn(username, password.group(1)).location()).as("a coordinator needs a second factor")
			.endsWith("/login/factor");
		assertThat(owner.get("/login/factor").location()).as("and has none yet").endsWith("/account/factors/setup");
		assertThat(owner.get("/bodies").location()).as("nothing else before that").endsWith("/login/factor");
		owner.enrolTotp();
		assertThat(owner.get("/bodies").location()).endsWith("/account/password");
		assertThat(owner.get("/api/v1/bodies").status()).isEqualTo(403);

		owner.get("/account/password");
		Response changed = owner.post("/account/password", Map.of("currentPassword", password.group(1), "newPassword",
				"a sentence only I know", "confirmation", "a sentence only I know"));
		assertThat(changed.location()).endsWith("/");
		assertThat(owner.get("/bodies").status()).isEqualTo(200);
		assertThat(owner.get("/api/v1/bodies").status()).isEqualTo(200);
	}

	@Test
	void refusesATakenUsernameNextToTheFieldAndKeepsWhatWasTyped() {
		TestAccount existing = new TestAccounts(context).create(Role.CLIENT);
		admin.get("/admin/accounts/new");
		Response refused = admin.post("/admin/accounts",
				Map.of("username", existing.username(), "displayName", "Sanne de Boer", "roles", "CLIENT"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Deze gebruikersnaam is al in gebruik").contains("id=\"username-error\"")
			.contains("value=\"Sanne de Boer\"");
	}

	@Test
	void refusesAnAccountWithoutRolesOrWithABadUsername() {
		admin.get("/admin/accounts/new");
		Response noRoles = admin.post("/admin/accounts", Map.of("username", "no-roles-" + System.nanoTime(), "displayName", "X"));
		assertThat(noRoles.body()).contains("id=\"roles-error\"");
		Response badName = admin.post("/admin/accounts", Map.of("username", "Bad Name!", "displayName", "X", "roles", "CLIENT"));
		assertThat(badName.body()).contains("id=\"username-error\"");
	}

	@Test
	void changingRolesTakesEffectAtOnce() {
		TestAccount analyst = new TestAccounts(context).create(Role.ANALYST);
		WebSession analystBrowser = new WebSession(port);
		analystBrowser.signIn(analyst.username(), TestAccounts.PASSWORD);
		assertThat(analystBrowser.get("/").status()).isEqualTo(200);

		admin.get("/admin/accounts/" + analyst.id());
		Response saved = admin.post("/admin/accounts/" + analyst.id(),
				Map.of("displayName", "Analist", "roles", "COORDINATOR", "enabled", "true"));
		assertThat(saved.location()).endsWith("/admin/accounts?saved");
		assertThat(jdbc.sql("select role from account_role where account_id = ?").param(analyst.id()).query(String.class).list())
			.containsExactly("COORDINATOR");
		assertThat(analystBrowser.get("/").location()).as("the old session ended").endsWith("/login");
	}

	@Test
	void onlyAdministratorsManageAccounts() {
		WebSession coordinator = new WebSession(port);
		coordinator.signIn(new TestAccounts(context).create(Role.COORDINATOR).username(), TestAccounts.PASSWORD);
		var refused = coordinator.get("/admin/accounts");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("Geen toegang");
		coordinator.get("/");
		assertThat(coordinator.post("/admin/accounts", Map.of("username", "sneaky-" + System.nanoTime(), "displayName",
				"Sneaky", "roles", "ADMIN")).status()).isEqualTo(403);
	}

	@Test
	void anUnknownAccountIsNotFound() {
		var missing = admin.get("/admin/accounts/6f1c1c1e-0000-4000-8000-000000000000");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("Pagina niet gevonden");
		assertThat(admin.get("/admin/accounts/not-a-uuid").status()).isEqualTo(400);
	}
}
