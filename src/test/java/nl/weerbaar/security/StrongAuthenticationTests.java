package nl.weerbaar.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.weerbaar.testing.StepUpClock;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.TestPasskey;
import nl.weerbaar.testing.TestTotp;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** The second factor, multi-factor authorization, step-up, session control and resets, over real HTTP. */
@WebTest
class StrongAuthenticationTests {

	private static final Pattern RECOVERY_CODE = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
	private static final Pattern SETUP_LINK = Pattern.compile("id=\"setup-link\">[^<]*(/account/setup\\?token=[A-Za-z0-9_-]+)<");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcIndexedSessionRepository sessions;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private TestAccounts accounts;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(context);
	}

	@Test
	void theSessionIdChangesAfterThePasswordAndAfterTheSecondFactorAndTheOldOnesAreDead() {
		TestAccount supporter = accounts.create(Role.SUPPORTER);
		WebSession browser = new WebSession(port);
		browser.get("/login");
		String beforeSignIn = browser.sessionId().orElseThrow();
		Response password = browser.signInWithPasswordOnly(supporter.username(), TestAccounts.PASSWORD);
		assertThat(password.location()).endsWith("/login/factor");
		String afterPassword = browser.sessionId().orElseThrow();
		assertThat(browser.completeWithPasskey(TestAccounts.passkeyOf(supporter.username()).orElseThrow()).location())
			.endsWith("/");
		String afterFactor = browser.sessionId().orElseThrow();

		assertThat(List.of(beforeSignIn, afterPassword, afterFactor)).doesNotHaveDuplicates();
		assertThat(browser.get("/cases").status()).isEqualTo(200);
		for (String old : List.of(beforeSignIn, afterPassword)) {
			assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?")
				.param(WebSession.sessionIdOf(old))
				.query(Long.class)
				.single()).as("the old session is gone from the store").isZero();
			WebSession thief = new WebSession(port);
			thief.useSessionCookie(old);
			assertThat(thief.get("/cases").location()).as("the old cookie signs nobody in").endsWith("/login");
			assertThat(thief.get("/api/v1/cases").status()).isEqualTo(401);
		}
	}

	@Test
	void aPasswordOnlySessionReachesNothingButItsSecondStep() {
		TestAccount coordinator = accounts.create(Role.COORDINATOR, Role.ADMIN);
		WebSession browser = new WebSession(port);
		browser.signInWithPasswordOnly(coordinator.username(), TestAccounts.PASSWORD);
		List<String> checked = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/login") || pattern.startsWith("/account/factors/setup")
						|| pattern.equals("/error") || !info.getMethodsCondition().getMethods().contains(RequestMethod.GET)
								&& !info.getMethodsCondition().getMethods().isEmpty()) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()).replace("/**", "/x");
				Response answer = browser.get(path);
				checked.add(path);
				if (path.startsWith("/api/")) {
					assertThat(answer.status()).as(path).isEqualTo(401);
					assertThat(answer.body()).as(path).contains("Second factor required");
				}
				else {
					assertThat(answer.status()).as(path).isEqualTo(302);
					assertThat(answer.location()).as(path).endsWith("/login/factor");
				}
			}
		});
		assertThat(checked).contains("/", "/cases", "/api/v1/cases", "/admin/accounts", "/account/password",
				"/account/tokens", "/requests");
		assertThat(browser.get("/login/factor").status()).as("its own step is open").isEqualTo(200);
		assertThat(browser.postJson("/api/v1/cases/" + UUID.randomUUID() + "/contacts", "{}").status())
			.as("nor does it write anything, even with a valid CSRF token").isEqualTo(401);

		ageFactors(browser, 11);
		assertThat(browser.get("/login/factor").location()).as("a password step left for too long starts over")
			.endsWith("/login");
	}

	@Test
	void thePasswordOfOnePersonAndTheFactorOfAnotherNeverMakeASignIn() {
		TestAccount alice = accounts.create(Role.SUPPORTER);
		TestAccount bob = accounts.create(Role.SUPPORTER);
		WebSession browser = new WebSession(port);
		browser.signInWithPasswordOnly(alice.username(), TestAccounts.PASSWORD);
		Response answer = browser.completeWithPasskey(TestAccounts.passkeyOf(bob.username()).orElseThrow());
		assertThat(answer.status()).isEqualTo(400);
		assertThat(browser.get("/cases").location()).as("still only a password").endsWith("/login/factor");

		// and with codes: Bob's app enrolled, Alice's password, Bob's code
		TestAccount carol = accounts.create(Role.CLIENT);
		WebSession carolBrowser = new WebSession(port);
		carolBrowser.signIn(carol.username(), TestAccounts.PASSWORD);
		TestTotp carolsApp = enrolTotpSignedIn(carolBrowser);
		TestAccount dave = accounts.create(Role.COORDINATOR);
		WebSession daveBrowser = new WebSession(port);
		daveBrowser.signInWithPasswordOnly(dave.username(), TestAccounts.PASSWORD);
		daveBrowser.get("/login/factor");
		assertThat(daveBrowser.post("/login/factor/totp", Map.of("code", carolsApp.codeInStep(1))).location())
			.endsWith("/login/factor?failed");
		assertThat(daveBrowser.get("/cases").location()).endsWith("/login/factor");
	}

	@Test
	void aClientIsLedToEnrolAFactorAtTheFirstSignInAndThenEachCodeWorksOnce() {
		TestAccount client = accounts.createWithoutFactor(Role.CLIENT);
		WebSession browser = new WebSession(port);
		assertThat(browser.signInWithPasswordOnly(client.username(), TestAccounts.PASSWORD).location())
			.as("a client's password alone is not a sign-in").endsWith("/login/factor");
		assertThat(browser.get("/login/factor").location()).as("led to set one up").endsWith("/account/factors/setup");
		assertThat(browser.get("/my/requests").location()).as("nothing else before that").endsWith("/login/factor");
		assertThat(browser.get("/api/v1/requests").status()).isEqualTo(401);
		TestTotp app = browser.enrolTotp();
		browser.get("/account/factors/recovery-codes");
		assertThat(browser.get("/my/requests").status()).isEqualTo(200);
		browser.post("/logout", Map.of());

		WebSession again = new WebSession(port);
		assertThat(again.signInWithPasswordOnly(client.username(), TestAccounts.PASSWORD).location())
			.as("once they have one, they must use it").endsWith("/login/factor");
		again.get("/login/factor");
		String code = app.codeInStep(1);
		assertThat(again.post("/login/factor/totp", Map.of("code", code)).location()).endsWith("/");
		assertThat(again.get("/my/requests").status()).isEqualTo(200);

		WebSession replay = new WebSession(port);
		replay.signInWithPasswordOnly(client.username(), TestAccounts.PASSWORD);
		replay.get("/login/factor");
		assertThat(replay.post("/login/factor/totp", Map.of("code", code)).location()).as("the same code again")
			.endsWith("/login/factor?failed");
		assertThat(replay.post("/login/factor/totp", Map.of("code", app.code())).location())
			.as("an earlier code of the same app, after a later one was used").endsWith("/login/factor?failed");
		assertThat(replay.get("/my/requests").location()).endsWith("/login/factor");
	}

	@Test
	void enrolmentComesRightAfterTheFirstPasswordSignInWithTenRecoveryCodesEachWorkingOnce() {
		TestAccount partner = accounts.createWithoutFactor(Role.PARTNER);
		WebSession browser = new WebSession(port);
		browser.signInWithPasswordOnly(partner.username(), TestAccounts.PASSWORD);
		assertThat(browser.get("/login/factor").location()).endsWith("/account/factors/setup");
		browser.enrolTotp();
		Response codesPage = browser.get("/account/factors/recovery-codes");
		List<String> codes = RECOVERY_CODE.matcher(codesPage.body()).results().map(match -> match.group()).toList();
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		assertThat(browser.get("/account/factors/recovery-codes").location()).as("shown once").endsWith("/account/factors");
		assertThat(jdbc.sql("select count(*) from account_recovery_code where account_id = ?").param(partner.id())
			.query(Long.class).single()).isEqualTo(10);
		assertThat(jdbc.sql("select count(*) from account_recovery_code where code_hash like '%' || ? || '%'")
			.param(codes.get(0)).query(Long.class).single()).as("kept hashed").isZero();
		assertThat(browser.get("/partner/referrals").status()).isEqualTo(200);

		WebSession withCode = new WebSession(port);
		withCode.signInWithPasswordOnly(partner.username(), TestAccounts.PASSWORD);
		withCode.get("/login/factor");
		assertThat(withCode.post("/login/factor/recovery", Map.of("code", codes.get(3).toLowerCase())).location())
			.endsWith("/");
		WebSession again = new WebSession(port);
		again.signInWithPasswordOnly(partner.username(), TestAccounts.PASSWORD);
		again.get("/login/factor");
		assertThat(again.post("/login/factor/recovery", Map.of("code", codes.get(3))).location())
			.endsWith("/login/factor?failed");

		jdbc.sql("""
				update account_recovery_code set used_at = now() where code_hash in
				    (select code_hash from account_recovery_code where account_id = ? and used_at is null limit 7)""")
			.param(partner.id()).update();
		assertThat(withCode.get("/").body()).as("running out of codes shows on the start page")
			.contains("U hebt nog 2 herstelcodes");
	}

	@Test
	void theSixthQuickFailureIsThrottledForPasswordsAndCodesAlike() {
		TestAccount analyst = accounts.create(Role.ANALYST);
		for (int i = 0; i < 5; i++) {
			assertThat(new WebSession(port).signIn(analyst.username(), "wrong password " + i).location())
				.endsWith("/login?error");
		}
		assertThat(new WebSession(port).signIn(analyst.username(), TestAccounts.PASSWORD).location())
			.as("the sixth, even with the right password").endsWith("/login?throttled");

		TestAccount client = accounts.create(Role.CLIENT);
		WebSession setup = new WebSession(port);
		setup.signIn(client.username(), TestAccounts.PASSWORD);
		enrolTotpSignedIn(setup);
		WebSession guesser = new WebSession(port);
		guesser.signInWithPasswordOnly(client.username(), TestAccounts.PASSWORD);
		guesser.get("/login/factor");
		for (int i = 0; i < 5; i++) {
			assertThat(guesser.post("/login/factor/totp", Map.of("code", "00000" + i)).location())
				.endsWith("/login/factor?failed");
		}
		assertThat(guesser.post("/login/factor/recovery", Map.of("code", "AAAA-BBBB-CCCC-DDDD")).location())
			.as("the sixth wrong code, whichever factor").endsWith("/login/factor?throttled");
		assertThat(guesser.get("/login/factor?throttled").body()).contains("Te veel mislukte pogingen");
	}

	@Test
	void disablingAnAccountMakesItsOtherLiveSessionFailOnTheNextRequest() {
		TestAccount supporter = accounts.create(Role.SUPPORTER);
		WebSession live = new WebSession(port);
		live.signIn(supporter.username(), TestAccounts.PASSWORD);
		assertThat(live.get("/cases").status()).isEqualTo(200);
		WebSession admin = signedIn(accounts.create(Role.ADMIN));
		admin.get("/admin/accounts/" + supporter.id());
		assertThat(admin.post("/admin/accounts/" + supporter.id(),
				Map.of("displayName", "Test SUPPORTER", "roles", "SUPPORTER", "enabled", "false")).location())
			.endsWith("/admin/accounts?saved");
		assertThat(live.get("/cases").location()).endsWith("/login");
		assertThat(live.get("/api/v1/cases").status()).isEqualTo(401);
	}

	@Test
	void anUnknownUserAndAWrongPasswordAreIndistinguishableByStatusAndBody() {
		TestAccount coordinator = accounts.create(Role.COORDINATOR);
		WebSession first = new WebSession(port);
		Response wrongPassword = first.signIn(coordinator.username(), "not the right password");
		WebSession second = new WebSession(port);
		Response unknownUser = second.signIn("nobody-" + coordinator.username(), "not the right password");
		assertThat(wrongPassword.status()).isEqualTo(unknownUser.status());
		assertThat(wrongPassword.location()).isEqualTo(unknownUser.location()).endsWith("/login?error");
		assertThat(withoutToken(first.get("/login?error").body()))
			.isEqualTo(withoutToken(second.get("/login?error").body()))
			.contains("De gebruikersnaam of het wachtwoord is onjuist");
	}

	@Test
	void stepUpAsksForAFactorShownInTheLastTenMinutes() {
		TestAccount admin = accounts.create(Role.ADMIN, Role.COORDINATOR);
		WebSession browser = signedIn(admin);
		assertThat(browser.get("/admin/audit/export.csv").status()).as("just signed in").isEqualTo(200);

		ageFactors(browser, 11);
		for (String elsewhere : List.of("//evil.example/x", "/\\evil.example/x", "https://evil.example/x")) {
			browser.get("/login/factor?continue=" + java.net.URLEncoder.encode(elsewhere, java.nio.charset.StandardCharsets.UTF_8));
			assertThat(browser.completeWithPasskey(TestAccounts.passkeyOf(admin.username()).orElseThrow()).location())
				.as("step-up never sends anyone off the site: " + elsewhere).isEqualTo("/");
		}
		ageFactors(browser, 11);
		Response page = browser.get("/admin/audit/export.csv");
		assertThat(page.location()).endsWith("/login/factor?continue=%2Fadmin%2Faudit%2Fexport.csv");
		Response api = browser.get("/api/v1/subjects/" + UUID.randomUUID() + "/export");
		assertThat(api.status()).isEqualTo(403);
		assertThat(api.body()).contains("urn:weerbaar:problem:step-up-required");
		assertThat(browser.get("/admin/accounts").status()).as("reading is no administrator's change").isEqualTo(200);
		assertThat(browser.post("/admin/accounts/" + admin.id() + "/setup-link", Map.of()).location())
			.as("a change is").contains("/login/factor?continue=");
		assertThat(browser.get("/cases").status()).as("everyday work goes on").isEqualTo(200);
		assertThat(browser.get("/account/tokens/new").location()).as("a new token needs step-up")
			.contains("/login/factor?continue=");
		assertThat(browser.post("/account/factors/recovery-codes", Map.of()).location()).as("so does a factor change")
			.contains("/login/factor?continue=");

		browser.get(page.location().substring(page.location().indexOf("/login/factor")));
		assertThat(browser.completeWithPasskey(TestAccounts.passkeyOf(admin.username()).orElseThrow()).location())
			.as("back where they were").endsWith("/admin/audit/export.csv");
		assertThat(browser.get("/admin/audit/export.csv").status()).isEqualTo(200);
		assertThat(browser.get("/api/v1/subjects/" + UUID.randomUUID() + "/export").status())
			.as("past step-up, an unknown person is simply not found").isEqualTo(404);
	}

	@Test
	void aPersonSeesTheirSessionsAndEndsThemAndAFactorChangeEndsTheOthers() {
		TestAccount coordinator = accounts.create(Role.COORDINATOR);
		WebSession laptop = signedIn(coordinator);
		WebSession phone = signedIn(coordinator);
		WebSession tablet = signedIn(coordinator);
		Response list = laptop.get("/account/sessions");
		assertThat(list.body()).contains("Deze sessie").contains("127.0.0.1");
		List<String> handles = Pattern.compile("name=\"session\" value=\"([^\"]+)\"").matcher(list.body()).results()
			.map(match -> match.group(1)).toList();
		assertThat(handles).hasSize(2);
		assertThat(list.body()).doesNotContain(WebSession.sessionIdOf(phone.sessionId().orElseThrow()));
		assertThat(laptop.post("/account/sessions/end", Map.of("session", handles.get(0))).location())
			.endsWith("/account/sessions");
		long alive = List.of(phone, tablet).stream().filter(s -> s.get("/cases").status() == 200).count();
		assertThat(alive).isEqualTo(1);
		assertThat(laptop.post("/account/sessions/end", Map.of("session", "not-a-session")).status()).isEqualTo(404);

		WebSession other = signedIn(coordinator);
		laptop.get("/account/factors");
		laptop.post("/account/factors/recovery-codes", Map.of());
		assertThat(other.get("/cases").location()).as("new recovery codes end the other sessions").endsWith("/login");
		assertThat(laptop.get("/cases").status()).isEqualTo(200);
	}

	@Test
	void endingSessionsAsksForAFactorShownInTheLastTenMinutes() {
		TestAccount supporter = accounts.create(Role.SUPPORTER);
		WebSession laptop = signedIn(supporter);
		WebSession phone = signedIn(supporter);
		ageFactors(laptop, 11);
		assertThat(laptop.get("/account/sessions").status()).as("looking needs no step-up").isEqualTo(200);
		assertThat(laptop.post("/account/sessions/end-others", Map.of()).location()).contains("/login/factor?continue=");
		assertThat(phone.get("/cases").status()).as("nothing was ended").isEqualTo(200);
		String before = laptop.sessionId().orElseThrow();
		laptop.get("/login/factor?continue=%2Faccount%2Fsessions");
		assertThat(laptop.completeWithPasskey(TestAccounts.passkeyOf(supporter.username()).orElseThrow()).location())
			.endsWith("/account/sessions");
		assertThat(laptop.sessionId().orElseThrow()).as("step-up gives the session a new id").isNotEqualTo(before);
		assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?")
			.param(WebSession.sessionIdOf(before)).query(Long.class).single()).as("and the old id is gone").isZero();
		laptop.get("/account/sessions");
		assertThat(laptop.post("/account/sessions/end-others", Map.of()).location()).endsWith("/account/sessions");
		assertThat(phone.get("/cases").location()).endsWith("/login");
	}

	@Test
	void aSetUpLinkWorksOnceForADayKeepsTheSecondFactorAndEndsTheSessions() {
		TestAccount supporter = accounts.create(Role.SUPPORTER);
		WebSession live = signedIn(supporter);
		WebSession admin = signedIn(accounts.create(Role.ADMIN));
		admin.get("/admin/accounts/" + supporter.id());
		admin.post("/admin/accounts/" + supporter.id() + "/setup-link", Map.of());
		assertThat(live.get("/cases").status()).as("asked, not yet approved").isEqualTo(200);
		// without a notification address, the approving administrator is shown the link
		Response issued = approve(signedIn(accounts.create(Role.ADMIN)), supporter.id());
		Matcher link = SETUP_LINK.matcher(issued.body());
		assertThat(link.find()).isTrue();
		assertThat(live.get("/cases").location()).as("the reset ends their sessions").endsWith("/login");

		WebSession owner = new WebSession(port);
		assertThat(opened(owner, link.group(1)).body()).contains(supporter.username());
		assertThat(owner.post("/account/setup", Map.of("token", link.group(1).substring(link.group(1).indexOf('=') + 1),
				"newPassword", "password2026", "confirmation", "password2026")).body())
			.as("a common password is refused next to the field").contains("newPassword-error").contains("te bekend");
		String token = link.group(1).substring(link.group(1).indexOf('=') + 1);
		assertThat(owner.post("/account/setup", Map.of("token", token, "newPassword", "my own new sentence",
				"confirmation", "my own new sentence")).location()).endsWith("/login?setup");
		assertThat(opened(owner, link.group(1)).body()).as("used once").contains("Deze link werkt niet");
		assertThat(new WebSession(port).signInWithPasswordOnly(supporter.username(), "my own new sentence").location())
			.as("the second factor is still needed").endsWith("/login/factor");
		assertThat(new WebSession(port).signIn(supporter.username(), "my own new sentence").location()).endsWith("/");

		jdbc.sql("update setup_link set used_at = null, expires_at = now() - interval '1 minute' where account_id = ?")
			.param(supporter.id()).update();
		assertThat(opened(new WebSession(port), link.group(1)).body()).as("expired").contains("Deze link werkt niet");
	}

	@Test
	void aSetUpLinksTokenMovesIntoTheSessionAndLeavesTheAddressBarAndThePage() {
		TestAccount supporter = accounts.create(Role.SUPPORTER);
		WebSession admin = signedIn(accounts.create(Role.ADMIN));
		admin.get("/admin/accounts/" + supporter.id());
		admin.post("/admin/accounts/" + supporter.id() + "/setup-link", Map.of());
		Matcher link = SETUP_LINK.matcher(approve(signedIn(accounts.create(Role.ADMIN)), supporter.id()).body());
		assertThat(link.find()).isTrue();
		String token = link.group(1).substring(link.group(1).indexOf('=') + 1);

		WebSession owner = new WebSession(port);
		Response opened = owner.get(link.group(1));
		assertThat(opened.status()).as("see other").isEqualTo(303);
		assertThat(opened.location()).endsWith("/account/setup").doesNotContain(token).doesNotContain("?");
		Response page = owner.get("/account/setup");
		assertThat(page.body()).contains(supporter.username()).doesNotContain(token).doesNotContain("name=\"token\"");
		assertThat(owner.post("/account/setup", Map.of("newPassword", "my own new sentence", "confirmation",
				"my own new sentence")).location()).as("the form posts without the token").endsWith("/login?setup");
		assertThat(new WebSession(port).signIn(supporter.username(), "my own new sentence").location()).endsWith("/");
		assertThat(owner.post("/account/setup", Map.of("newPassword", "another new sentence", "confirmation",
				"another new sentence")).body()).as("used once, even in the same session").contains("Deze link werkt niet");
		assertThat(opened(new WebSession(port), link.group(1)).body()).as("a second opening").contains("Deze link werkt niet");
		assertThat(new WebSession(port).signIn(supporter.username(), "another new sentence").location())
			.doesNotEndWith("/");
	}

	@Test
	void anAdministratorsFactorResetMakesTheOwnerEnrolAgain() {
		TestAccount client = accounts.create(Role.CLIENT);
		WebSession clientBrowser = new WebSession(port);
		clientBrowser.signIn(client.username(), TestAccounts.PASSWORD);
		enrolTotpSignedIn(clientBrowser);
		WebSession admin = signedIn(accounts.create(Role.ADMIN));
		admin.get("/admin/accounts/" + client.id());
		assertThat(admin.post("/admin/accounts/" + client.id() + "/factor-reset", Map.of()).location())
			.endsWith("/admin/accounts/" + client.id());
		assertThat(clientBrowser.get("/my/requests").status()).as("asked, not yet approved").isEqualTo(200);
		approve(signedIn(accounts.create(Role.ADMIN)), client.id());
		assertThat(clientBrowser.get("/my/requests").location()).endsWith("/login");
		WebSession again = new WebSession(port);
		assertThat(again.signInWithPasswordOnly(client.username(), TestAccounts.PASSWORD).location())
			.as("even a client who once had a factor needs one").endsWith("/login/factor");
		assertThat(again.get("/login/factor").location()).endsWith("/account/factors/setup");
	}

	@Test
	void aPasswordChangeKeepsTheSecondFactorSoStepUpStillAsksForTheAppCode() {
		TestAccount coordinator = accounts.createWithoutFactor(Role.COORDINATOR);
		WebSession browser = new WebSession(port);
		browser.signInWithPasswordOnly(coordinator.username(), TestAccounts.PASSWORD);
		TestTotp app = browser.enrolTotp();
		browser.get("/account/factors/recovery-codes");
		browser.get("/account/password");
		assertThat(browser.post("/account/password", Map.of("currentPassword", TestAccounts.PASSWORD,
				"newPassword", "a brand new passphrase", "confirmation", "a brand new passphrase")).location())
			.endsWith("/");

		ageFactors(browser, 11);
		Response asked = browser.get("/account/tokens/new");
		assertThat(asked.location()).as("a new token needs step-up").contains("/login/factor?continue=");
		Response factorPage = browser.get(asked.location().substring(asked.location().indexOf("/login/factor")));
		assertThat(factorPage.body()).as("the app code is asked").contains("action=\"/login/factor/totp\"")
			.doesNotContain("action=\"/login/factor/password\"");
		assertThat(browser.post("/login/factor/password", Map.of("password", "a brand new passphrase")).status())
			.as("the password alone is refused").isEqualTo(404);
		assertThat(browser.get("/account/tokens/new").location()).contains("/login/factor?continue=");

		browser.get("/login/factor?continue=/account/tokens/new");
		assertThat(browser.post("/login/factor/totp", Map.of("code", app.codeInStep(1))).location())
			.endsWith("/account/tokens/new");
		assertThat(browser.get("/account/tokens/new").status()).isEqualTo(200);
	}

	@Test
	void thePasswordStepIsRefusedForAnAccountWithAFactorWhateverTheSessionHolds() {
		// a session that holds the password only: a demo account's, or one from before clients needed a factor
		TestAccount client = accounts.createWithoutFactor(Role.CLIENT);
		WebSession browser = signedIn(accounts.create(Role.CLIENT));
		TestPasskey added = accounts.addPasskey(client.id());
		holdOnlyThePassword(browser, client);
		ageFactors(browser, 11);
		Response asked = browser.get("/account/tokens/new");
		assertThat(asked.location()).contains("/login/factor?continue=");
		Response factorPage = browser.get(asked.location().substring(asked.location().indexOf("/login/factor")));
		assertThat(factorPage.body()).doesNotContain("action=\"/login/factor/password\"");
		assertThat(browser.post("/login/factor/password", Map.of("password", TestAccounts.PASSWORD)).status())
			.isEqualTo(404);
		assertThat(browser.get("/account/tokens/new").location()).as("still not stepped up")
			.contains("/login/factor?continue=");

		browser.get("/login/factor?continue=/account/tokens/new");
		assertThat(browser.completeWithPasskey(added).location()).endsWith("/account/tokens/new");
		assertThat(browser.get("/account/tokens/new").status()).isEqualTo(200);
	}

	private WebSession signedIn(TestAccount account) {
		WebSession browser = new WebSession(port);
		assertThat(browser.signIn(account.username(), TestAccounts.PASSWORD).location()).endsWith("/");
		return browser;
	}

	/** A signed-in person adds an app on their factors page (step-up is fresh after sign-in). */
	private static TestTotp enrolTotpSignedIn(WebSession browser) {
		browser.get("/account/factors");
		Response setup = browser.post("/account/factors/totp", Map.of());
		Matcher secret = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<").matcher(setup.body());
		assertThat(secret.find()).as("the key is shown").isTrue();
		TestTotp app = new TestTotp(secret.group(1));
		assertThat(browser.post("/account/factors/totp/confirmation", Map.of("code", app.code())).location())
			.endsWith("/account/factors");
		return app;
	}

	/** Moves every factor of the browser's session back in time, as if it was signed in that long ago. */
	private void ageFactors(WebSession browser, int minutes) {
		StepUpClock.ageFactors(sessions, browser, minutes);
	}

	/** Makes the browser's session one of this account signed in with its password alone. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void holdOnlyThePassword(WebSession browser, TestAccount account) {
		Session session = sessions.findById(WebSession.sessionIdOf(browser.sessionId().orElseThrow()));
		SecurityContext security = session.getAttribute("SPRING_SECURITY_CONTEXT");
		Authentication current = security.getAuthentication();
		var principal = new AccountPrincipal(new AccountId(account.id()), account.username(), "Test CLIENT",
				java.util.Set.of(Role.CLIENT), true, false, null);
		List<GrantedAuthority> held = new ArrayList<>(current.getAuthorities()
			.stream()
			.filter(authority -> !authority.getAuthority().startsWith("FACTOR_")
					|| authority.getAuthority().equals(FactorGrantedAuthority.PASSWORD_AUTHORITY))
			.toList());
		security.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, held));
		session.setAttribute("SPRING_SECURITY_CONTEXT", security);
		((SessionRepository) sessions).save(session);
	}

	private static String withoutToken(String page) {
		return page.replaceAll("(content|value|nonce)=\"[A-Za-z0-9_+/=-]{16,}\"", "");
	}

	/** A second administrator approves the request waiting on the account's page. */
	private static Response approve(WebSession secondAdmin, UUID account) {
		Matcher approve = Pattern.compile("/admin/approvals/[0-9a-f-]{36}/approval")
			.matcher(secondAdmin.get("/admin/accounts/" + account).body());
		assertThat(approve.find()).isTrue();
		return secondAdmin.post(approve.group(), Map.of());
	}

	/** Opens a set-up link as a browser does: the token moves into the session and the page comes without it. */
	private static Response opened(WebSession browser, String link) {
		Response redirect = browser.get(link);
		assertThat(redirect.status()).isEqualTo(303);
		return browser.get(java.net.URI.create(redirect.location()).getPath());
	}
}
