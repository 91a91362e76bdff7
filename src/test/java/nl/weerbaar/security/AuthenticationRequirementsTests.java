package nl.weerbaar.security;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import db.migration.V22__recovery_codes_salted;
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

/**
 * ASVS 5.0 chapter V6 (authentication) over real HTTP: initial passwords, passwords as typed, the password fields,
 * recovery codes at rest and passkey challenges.
 */
@WebTest
class AuthenticationRequirementsTests {

	private static final Pattern INITIAL_PASSWORD = Pattern.compile("id=\"initial-password\">([^<]+)<");
	private static final Pattern RECOVERY_CODE = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
	private static final Pattern APPROVE = Pattern.compile("/admin/approvals/[0-9a-f-]{36}/approval");
	private static final Pattern SETUP_LINK = Pattern.compile("id=\"setup-link\">[^<]*(/account/setup\\?token=[A-Za-z0-9_-]+)<");
	private static final Pattern PASSWORD_INPUT = Pattern.compile("<input[^>]*type=\"password\"[^>]*>");
	private static final Pattern CHALLENGE = Pattern.compile("\"challenge\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");

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
	void aPasswordAnAdministratorMadeOpensOneSignInOnly() {
		String username = "burgemeester-" + System.nanoTime();
		String initial = createdByAnAdministrator(username);

		WebSession first = new WebSession(port);
		assertThat(first.signInWithPasswordOnly(username, initial).location()).endsWith("/login/factor");
		WebSession second = new WebSession(port);
		assertThat(second.signInWithPasswordOnly(username, initial).location()).as("used once already")
			.endsWith("/login?error");
		assertThat(second.get("/login?error").body()).contains("De gebruikersnaam of het wachtwoord is onjuist");

		first.enrolTotp();
		first.get("/account/password");
		assertThat(first.post("/account/password", Map.of("currentPassword", initial, "newPassword",
				"my own sentence for weerbaar", "confirmation", "my own sentence for weerbaar")).location())
			.as("the one sign-in may replace it").endsWith("/");
		assertThat(new WebSession(port).signInWithPasswordOnly(username, "my own sentence for weerbaar").location())
			.as("and the password its owner chose works as often as needed").endsWith("/login/factor");
		assertThat(new WebSession(port).signInWithPasswordOnly(username, "my own sentence for weerbaar").location())
			.endsWith("/login/factor");
	}

	@Test
	void aPasswordAnAdministratorMadeExpiresAfterSevenDaysUnused() {
		String username = "wethouder-" + System.nanoTime();
		String initial = createdByAnAdministrator(username);
		jdbc.sql("update account set password_changed_at = now() - interval '7 days 1 minute' where username = ?")
			.param(username).update();
		assertThat(new WebSession(port).signInWithPasswordOnly(username, initial).location()).endsWith("/login?error");

		jdbc.sql("update account set password_changed_at = now() - interval '6 days 23 hours' where username = ?")
			.param(username).update();
		assertThat(new WebSession(port).signInWithPasswordOnly(username, initial).location())
			.as("within its lifetime it still works").endsWith("/login/factor");
	}

	@Test
	void thePasswordIsCheckedExactlyAsTyped() {
		TestAccount client = accounts.create(Role.CLIENT);
		for (String almost : List.of("Correct horse battery staple", "CORRECT HORSE BATTERY STAPLE",
				"correct horse battery stapl", "correct horse battery staple ")) {
			assertThat(new WebSession(port).signInWithPasswordOnly(client.username(), almost).location()).as(almost)
				.endsWith("/login?error");
		}
		assertThat(new WebSession(port).signInWithPasswordOnly(client.username(), TestAccounts.PASSWORD).location())
			.endsWith("/login/factor");
	}

	@Test
	void passwordFieldsAreMaskedNameTheirPurposeForPasswordManagersAndNothingBlocksPasting() {
		TestAccount client = accounts.create(Role.CLIENT);
		WebSession browser = new WebSession(port);
		List<String> pages = new ArrayList<>();
		pages.add(browser.get("/login").body());
		browser.signIn(client.username(), TestAccounts.PASSWORD);
		pages.add(browser.get("/account/password").body());
		TestAccount supporter = accounts.create(Role.SUPPORTER);
		WebSession admin = new WebSession(port);
		admin.signIn(accounts.create(Role.ADMIN).username(), TestAccounts.PASSWORD);
		admin.get("/admin/accounts/" + supporter.id());
		admin.post("/admin/accounts/" + supporter.id() + "/setup-link", Map.of());
		// a second administrator approves, and sees the link once (the supporter has no notification address)
		WebSession second = new WebSession(port);
		second.signIn(accounts.create(Role.ADMIN).username(), TestAccounts.PASSWORD);
		Matcher approve = APPROVE.matcher(second.get("/admin/accounts/" + supporter.id()).body());
		assertThat(approve.find()).isTrue();
		Matcher link = SETUP_LINK.matcher(second.post(approve.group(), Map.of()).body());
		assertThat(link.find()).isTrue();
		WebSession owner = new WebSession(port);
		Response opened = owner.get(link.group(1));
		assertThat(opened.status()).as("the token moves into the session").isEqualTo(303);
		pages.add(owner.get(java.net.URI.create(opened.location()).getPath()).body());

		int fields = 0;
		for (String page : pages) {
			Matcher input = PASSWORD_INPUT.matcher(page);
			while (input.find()) {
				fields++;
				assertThat(input.group()).containsPattern("autocomplete=\"(current-password|new-password)\"")
					.doesNotContainPattern("(?i)on(paste|copy|cut|drop|keydown)=");
			}
			assertThat(page).doesNotContainPattern("(?i)on(paste|copy|cut|drop)=");
		}
		assertThat(fields).as("login 1, change 3, set-up link 2").isEqualTo(6);
		String script = browser.get("/assets/weerbaar.js").body();
		assertThat(script).isNotBlank().doesNotContain("paste");
	}

	@Test
	void recoveryCodesAreKeptAsArgon2idWithASaltOfTheirOwnAndEachWorksOnce() {
		TestAccount partner = accounts.createWithoutFactor(Role.PARTNER);
		WebSession browser = new WebSession(port);
		browser.signInWithPasswordOnly(partner.username(), TestAccounts.PASSWORD);
		browser.enrolTotp();
		List<String> codes = RECOVERY_CODE.matcher(browser.get("/account/factors/recovery-codes").body()).results()
			.map(match -> match.group()).toList();
		assertThat(codes).hasSize(10);
		List<String> stored = jdbc.sql("select code_hash from account_recovery_code where account_id = ?")
			.param(partner.id()).query(String.class).list();
		assertThat(stored).hasSize(10).allMatch(hash -> hash.startsWith("$argon2id$v=19$m=4096,t=2,p=1$"));
		assertThat(stored.stream().map(hash -> hash.split("\\$")[4])).as("a salt per code").doesNotHaveDuplicates();
		assertThat(String.join("", stored)).doesNotContain(codes.get(0)).doesNotContain(sha256Hex(codes.get(0)));

		assertThat(recover(partner, codes.get(5).toLowerCase().replace("-", " "))).endsWith("/");
		assertThat(recover(partner, codes.get(5))).as("once").endsWith("/login/factor?failed");
	}

	@Test
	void aRecoveryCodeKeptAsSha256BeforeV22StillWorksOnceAfterTheMigrationWrappedIt() {
		TestAccount client = accounts.create(Role.CLIENT);
		String code = "ABCD-EFGH-JKLM-NPQR";
		// what V15 stored (SHA-256 of the normalised code), wrapped as V22 wraps every such row
		byte[] legacy = HexFormat.of().parseHex(sha256Hex("ABCDEFGHJKLMNPQR"));
		jdbc.sql("insert into account_recovery_code (id, code_hash, account_id) values (gen_random_uuid(), ?, ?)")
			.params(V22__recovery_codes_salted.salted(legacy), client.id()).update();
		assertThat(recover(client, code)).endsWith("/");
		assertThat(recover(client, code)).endsWith("/login/factor?failed");
	}

	@Test
	void passkeyChallengesAreFreshAndCarryAtLeast64RandomBits() {
		TestAccount client = accounts.create(Role.CLIENT);
		WebSession browser = new WebSession(port);
		browser.signInWithPasswordOnly(client.username(), TestAccounts.PASSWORD);
		browser.get("/login/factor");
		byte[] signIn = challenge(browser.postJson("/login/factor/passkey/options", "{}"));
		byte[] again = challenge(browser.postJson("/login/factor/passkey/options", "{}"));
		assertThat(browser.completeWithPasskey(TestAccounts.passkeyOf(client.username()).orElseThrow()).location())
			.endsWith("/");
		browser.get("/account/factors");
		byte[] registration = challenge(browser.postJson("/account/factors/passkeys/options", "{}"));
		for (byte[] challenge : List.of(signIn, again, registration)) {
			assertThat(challenge.length * 8).isGreaterThanOrEqualTo(64).isEqualTo(256);
		}
		assertThat(List.of(HexFormat.of().formatHex(signIn), HexFormat.of().formatHex(again),
				HexFormat.of().formatHex(registration))).doesNotHaveDuplicates();
	}

	private String createdByAnAdministrator(String username) {
		WebSession admin = new WebSession(port);
		admin.signIn(accounts.create(Role.ADMIN).username(), TestAccounts.PASSWORD);
		admin.get("/admin/accounts/new");
		Response created = admin.post("/admin/accounts",
				Map.of("username", username, "displayName", "Anne Jansen", "roles", "CLIENT"));
		Matcher password = INITIAL_PASSWORD.matcher(created.body());
		assertThat(password.find()).as("the administrator is shown the initial password").isTrue();
		return password.group(1);
	}

	private String recover(TestAccount account, String code) {
		WebSession browser = new WebSession(port);
		browser.signInWithPasswordOnly(account.username(), TestAccounts.PASSWORD);
		browser.get("/login/factor");
		return browser.post("/login/factor/recovery", Map.of("code", code)).location();
	}

	private static byte[] challenge(Response options) {
		assertThat(options.status()).isEqualTo(200);
		Matcher challenge = CHALLENGE.matcher(options.body());
		assertThat(challenge.find()).as(options.body()).isTrue();
		return Base64.getUrlDecoder().decode(challenge.group(1));
	}

	private static String sha256Hex(String text) {
		try {
			return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
