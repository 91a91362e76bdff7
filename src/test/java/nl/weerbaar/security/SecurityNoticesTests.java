package nl.weerbaar.security;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import nl.weerbaar.testing.Inbox;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People are told about their own account's security by e-mail, against a real SMTP server (GreenMail on the port
 * the test configuration names). The notices go out after the change is committed, before the answer to the
 * request that made it, so each test reads them at once.
 */
@WebTest
class SecurityNoticesTests {

	@RegisterExtension
	static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	private static final Pattern TOTP_SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");
	private static final Pattern TOKEN_SECRET = Pattern.compile("id=\"token-secret\">(wb_[A-Za-z0-9_-]+)<");
	private static final Pattern RECOVERY_CODE = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

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
	void aSignInFromANewBrowserIsToldOnceAndAKnownBrowserIsNot() throws Exception {
		TestAccount account = accounts.create(Role.SUPPORTER);
		String address = account.username() + "@example.org";
		WebSession first = signedIn(account);
		setAddress(first, address);
		assertThat(to(address)).as("setting the address tells nothing yet").isEmpty();

		first.post("/logout", Map.of());
		assertThat(first.signIn(account.username(), TestAccounts.PASSWORD).location()).endsWith("/");
		assertThat(to(address)).as("the same browser again").isEmpty();

		signedIn(account);
		List<MimeMessage> told = to(address);
		assertThat(told).hasSize(1);
		assertThat(told.get(0).getSubject()).contains("nieuwe browser").contains("new browser");
		assertThat(GreenMailUtil.getBody(told.get(0))).contains("/account/sessions").doesNotContain(account.username());
	}

	@Test
	void aFactorChangeNewRecoveryCodesANewTokenAndAPasswordChangeAreEachTold() throws Exception {
		TestAccount account = accounts.create(Role.COORDINATOR);
		String address = account.username() + "@example.org";
		WebSession browser = signedIn(account);
		setAddress(browser, address);

		browser.get("/account/factors");
		Matcher key = TOTP_SECRET.matcher(browser.post("/account/factors/totp", Map.of()).body());
		assertThat(key.find()).isTrue();
		browser.post("/account/factors/totp/confirmation", Map.of("code", new nl.weerbaar.testing.TestTotp(key.group(1)).code()));
		assertThat(subjects(address)).containsExactly(
				"Weerbaar: uw tweede factor is gewijzigd / your second factor was changed");

		browser.get("/account/factors");
		browser.post("/account/factors/recovery-codes", Map.of());
		List<String> codes = RECOVERY_CODE.matcher(browser.get("/account/factors/recovery-codes").body()).results()
			.map(match -> match.group()).toList();
		assertThat(codes).hasSize(10);
		assertThat(subjects(address)).last().asString().contains("nieuwe herstelcodes");

		browser.get("/account/tokens/new");
		Matcher token = TOKEN_SECRET.matcher(browser.post("/account/tokens",
				Map.of("name", "Script", "roles", "COORDINATOR", "days", "30")).body());
		assertThat(token.find()).isTrue();
		assertThat(subjects(address)).last().asString().contains("nieuw API-token");

		browser.get("/account/password");
		browser.post("/account/password", Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword",
				"a brand new passphrase", "confirmation", "a brand new passphrase"));
		assertThat(subjects(address)).hasSize(4).last().asString().contains("wachtwoord is gewijzigd");

		for (MimeMessage notice : to(address)) {
			String body = GreenMailUtil.getBody(notice);
			assertThat(body).contains("Was u dit zelf?").contains("Was this you?")
				.doesNotContain(key.group(1).replace(" ", "")).doesNotContain(key.group(1))
				.doesNotContain(token.group(1)).doesNotContain("a brand new passphrase")
				.doesNotContain(TestAccounts.PASSWORD).doesNotContain(account.username());
			codes.forEach(code -> assertThat(body).doesNotContain(code));
		}
	}

	@Test
	void withoutAnAddressNoMailIsSent() throws Exception {
		long before = notices();
		TestAccount account = accounts.create(Role.SUPPORTER);
		WebSession browser = signedIn(account);
		signedIn(account);
		browser.get("/account/factors");
		browser.post("/account/factors/recovery-codes", Map.of());
		browser.get("/account/password");
		assertThat(browser.post("/account/password", Map.of("currentPassword", TestAccounts.PASSWORD, "newPassword",
				"a brand new passphrase", "confirmation", "a brand new passphrase")).location()).endsWith("/");
		assertThat(notices()).as("other tests' mail may arrive meanwhile; no security notice does").isEqualTo(before);
	}

	@Test
	void theAddressIsSealedCheckedAndMayBeSetByAnAdministrator() throws Exception {
		TestAccount account = accounts.create(Role.SUPPORTER);
		WebSession browser = signedIn(account);
		browser.get("/account");
		Response refused = browser.post("/account/notification-email", Map.of("notificationEmail", "not an address"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"notificationEmail-error\"").contains("value=\"not an address\"");
		assertThat(stored(account)).as("nothing saved").isNull();

		String address = account.username() + "@example.org";
		setAddress(browser, address);
		assertThat(browser.get("/account").body()).contains("value=\"" + address + "\"");
		assertThat(new String(stored(account), java.nio.charset.StandardCharsets.ISO_8859_1)).as("sealed")
			.doesNotContain(address).doesNotContain(account.username());

		WebSession admin = signedIn(accounts.create(Role.ADMIN));
		admin.get("/admin/accounts/" + account.id());
		String other = "other-" + address;
		assertThat(admin.post("/admin/accounts/" + account.id() + "/notification-email",
				Map.of("notificationEmail", other)).location()).endsWith("/admin/accounts/" + account.id());
		assertThat(admin.get("/admin/accounts/" + account.id()).body()).contains("value=\"" + other + "\"");
		signedIn(account);
		assertThat(to(other)).hasSize(1);

		browser.get("/account");
		setAddress(browser, "");
		assertThat(stored(account)).as("cleared").isNull();
	}

	@Test
	void changingTheAddressIsAuditedAndToldToThePreviousOne() throws Exception {
		TestAccount account = accounts.create(Role.SUPPORTER);
		String first = account.username() + "@example.org";
		String second = "new-" + first;
		WebSession browser = signedIn(account);
		setAddress(browser, first);
		assertThat(to(first)).as("no previous address to tell").isEmpty();

		setAddress(browser, second);
		List<MimeMessage> told = to(first);
		assertThat(told).hasSize(1);
		assertThat(told.get(0).getSubject()).contains("adres voor deze berichten is gewijzigd");
		assertThat(GreenMailUtil.getBody(told.get(0))).doesNotContain(second).doesNotContain(account.username());
		assertThat(to(second)).isEmpty();

		WebSession admin = signedIn(accounts.create(Role.ADMIN));
		admin.get("/admin/accounts/" + account.id());
		admin.post("/admin/accounts/" + account.id() + "/notification-email", Map.of("notificationEmail", ""));
		assertThat(to(second)).as("an administrator's change is told too").hasSize(1);

		assertThat(jdbc.sql("""
				select count(*) from audit_event where action = 'NOTIFICATION_ADDRESS_CHANGED' and object_id = ?""")
			.param(account.id().toString()).query(Long.class).single()).isEqualTo(3);
		setAddress(browser, "");
		assertThat(jdbc.sql("""
				select count(*) from audit_event where action = 'NOTIFICATION_ADDRESS_CHANGED' and object_id = ?""")
			.param(account.id().toString()).query(Long.class).single()).as("no change, no record").isEqualTo(3);
	}

	private void setAddress(WebSession browser, String address) {
		browser.get("/account");
		assertThat(browser.post("/account/notification-email", Map.of("notificationEmail", address)).location())
			.endsWith("/account");
	}

	private byte[] stored(TestAccount account) {
		return jdbc.sql("select notification_email from account where id = ?").param(account.id())
			.query((row, n) -> java.util.Optional.ofNullable(row.getBytes(1))).single().orElse(null);
	}

	private WebSession signedIn(TestAccount account) {
		WebSession browser = new WebSession(port);
		assertThat(browser.signIn(account.username(), TestAccounts.PASSWORD).location()).endsWith("/");
		return browser;
	}

	/** Security notices received so far, whoever they went to (other contexts in the run send mail of their own). */
	private static long notices() {
		return Arrays.stream(MAIL.getReceivedMessages())
			.filter(message -> GreenMailUtil.getBody(message).contains("Bij uw Weerbaar-account"))
			.count();
	}

	private static List<String> subjects(String address) throws MessagingException {
		return Inbox.subjects(MAIL, address);
	}

	private static List<MimeMessage> to(String address) {
		return Inbox.to(MAIL, address);
	}
}
