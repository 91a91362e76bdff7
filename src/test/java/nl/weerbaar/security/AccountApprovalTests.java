package nl.weerbaar.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import nl.weerbaar.testing.StepUpClock;
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
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No single administrator takes an account over (ASVS V2.3.5, V6.4.4, V6.4.6): a factor reset, a set-up link and the
 * administrator role are asked by one administrator and carried out when a second approves; the owner is told by
 * e-mail (GreenMail). And administrators end one person's or everyone's sessions (V7.4.5).
 */
@WebTest
class AccountApprovalTests {

	@RegisterExtension
	static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	private static final Pattern APPROVE = Pattern.compile("/admin/approvals/([0-9a-f-]{36})/approval");
	private static final Pattern SETUP_LINK = Pattern.compile("(/account/setup\\?token=[A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcIndexedSessionRepository sessions;

	private TestAccounts accounts;
	private TestAccount first;
	private TestAccount second;
	private WebSession firstAdmin;
	private WebSession secondAdmin;

	@BeforeEach
	void twoAdministrators() {
		accounts = new TestAccounts(context);
		first = accounts.create(Role.ADMIN);
		firstAdmin = signedIn(first);
		second = accounts.create(Role.ADMIN);
		secondAdmin = signedIn(second);
	}

	@Test
	void aFactorResetWaitsForASecondAdministratorAndTheOwnerIsTold() throws Exception {
		TestAccount supporter = accounts.create(Role.SUPPORTER);
		String address = supporter.username() + "@example.org";
		setAddress(supporter, address);
		WebSession live = signedIn(supporter);

		firstAdmin.get("/admin/accounts/" + supporter.id());
		Response asked = firstAdmin.post("/admin/accounts/" + supporter.id() + "/factor-reset", Map.of());
		assertThat(asked.location()).endsWith("/admin/accounts/" + supporter.id());
		assertThat(firstAdmin.get(asked.location().substring(asked.location().indexOf("/admin"))).body())
			.contains("Een andere beheerder moet dit binnen 24 uur goedkeuren")
			.contains("Een andere beheerder beslist hierover").doesNotContain("/approval\"");
		assertThat(passkeys(supporter)).as("nothing happens on one administrator's word").isEqualTo(1);
		assertThat(live.get("/cases").status()).isEqualTo(200);
		assertThat(subjects(address)).filteredOn(subject -> !subject.contains("nieuwe browser")).containsExactly("Weerbaar: een beheerder vraagt uw tweede factor te verwijderen; "
				+ "een tweede beheerder moet dat goedkeuren / an administrator asks to remove your second factor; a "
				+ "second administrator must approve it");
		assertThat(firstAdmin.post("/admin/accounts/" + supporter.id() + "/factor-reset", Map.of()).location())
			.as("asked twice").endsWith("/admin/accounts/" + supporter.id());
		assertThat(pending(supporter)).as("one request at a time").hasSize(1);

		UUID request = pending(supporter).get(0);
		firstAdmin.get("/admin/approvals");
		Response own = firstAdmin.post("/admin/approvals/" + request + "/approval", Map.of());
		assertThat(firstAdmin.get("/admin/approvals").body()).contains("U kunt uw eigen verzoek niet goedkeuren");
		assertThat(passkeys(supporter)).as("the requester cannot approve").isEqualTo(1);
		assertThat(own.location()).endsWith("/admin/approvals");
		firstAdmin.post("/admin/approvals/" + request + "/rejection", Map.of());
		assertThat(pending(supporter)).as("nor reject").containsExactly(request);
		assertThat(audit("FACTOR_RESET_DECISION", supporter, "DENIED")).isEqualTo(2);

		assertThat(secondAdmin.get("/").body()).as("the start page tells the other administrators")
			.contains("op uw goedkeuring").contains("href=\"/admin/approvals\"");
		Response approved = approveOn(secondAdmin, supporter);
		assertThat(approved.location()).endsWith("/admin/approvals");
		assertThat(secondAdmin.get("/admin/approvals").body()).contains("Goedgekeurd: de tweede factor is verwijderd");
		assertThat(passkeys(supporter)).isZero();
		assertThat(live.get("/cases").location()).as("their sessions ended").endsWith("/login");
		assertThat(pending(supporter)).isEmpty();
		assertThat(audit("FACTOR_RESET_REQUESTED", supporter, "ALLOWED")).isEqualTo(1);
		assertThat(audit("FACTOR_RESET_APPROVED", supporter, "ALLOWED")).isEqualTo(1);
		assertThat(subjects(address)).last().asString().contains("uw tweede factor is gewijzigd");
		for (MimeMessage notice : to(address)) {
			assertThat(GreenMailUtil.getBody(notice)).doesNotContain(supporter.username()).doesNotContain(first.username());
		}
	}

	@Test
	void anApprovedSetUpLinkGoesToTheOwnersAddressAndNoAdministratorSeesIt() throws Exception {
		TestAccount supporter = accounts.create(Role.SUPPORTER);
		String address = supporter.username() + "@example.org";
		setAddress(supporter, address);
		firstAdmin.get("/admin/accounts/" + supporter.id());
		firstAdmin.post("/admin/accounts/" + supporter.id() + "/setup-link", Map.of());
		assertThat(jdbc.sql("select count(*) from setup_link where account_id = ?").param(supporter.id())
			.query(Long.class).single()).as("no link before approval").isZero();
		assertThat(subjects(address)).last().asString().contains("een beheerder vraagt een link");

		Response approved = approveOn(secondAdmin, supporter);
		assertThat(approved.status()).isEqualTo(302);
		assertThat(secondAdmin.get("/admin/approvals").body()).contains("naar het e-mailadres voor meldingen")
			.doesNotContain("/account/setup?token=");
		MimeMessage mail = to(address).stream().filter(this::isSetupLink).findFirst().orElseThrow();
		String body = (String) mail.getContent();
		Matcher link = SETUP_LINK.matcher(body);
		assertThat(link.find()).isTrue();
		assertThat(body).startsWith("Twee beheerders").contains("http://localhost:8080/account/setup?token=")
			.doesNotContain(supporter.username());
		assertThat(subjects(address)).as("and the notice").anyMatch(s -> s.contains("twee beheerders hebben een link gemaakt"));

		WebSession owner = new WebSession(port);
		assertThat(opened(owner, link.group(1)).body()).contains(supporter.username());
		String token = link.group(1).substring(link.group(1).indexOf('=') + 1);
		assertThat(owner.post("/account/setup", Map.of("token", token, "newPassword", "my own new sentence",
				"confirmation", "my own new sentence")).location()).endsWith("/login?setup");
	}

	@Test
	void withoutAnAddressTheSetUpLinkIsShownOnlyToTheApprovingAdministrator() {
		TestAccount supporter = accounts.create(Role.SUPPORTER);
		firstAdmin.get("/admin/accounts/" + supporter.id());
		Response asked = firstAdmin.post("/admin/accounts/" + supporter.id() + "/setup-link", Map.of());
		assertThat(asked.body()).doesNotContain("/account/setup?token=");
		assertThat(firstAdmin.get("/admin/accounts/" + supporter.id()).body()).doesNotContain("/account/setup?token=");
		Response shown = approveOn(secondAdmin, supporter);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.body()).contains("id=\"setup-link\"").containsPattern(SETUP_LINK);
		assertThat(audit("SETUP_LINK_APPROVED", supporter, "ALLOWED")).isEqualTo(1);
		assertThat(audit("SETUP_LINK_ISSUED", supporter, "ALLOWED")).isEqualTo(1);
	}

	@Test
	void aNonAdministratorCannotApproveAndAnExpiredRequestDoesNothing() {
		TestAccount supporter = accounts.create(Role.SUPPORTER);
		firstAdmin.get("/admin/accounts/" + supporter.id());
		firstAdmin.post("/admin/accounts/" + supporter.id() + "/factor-reset", Map.of());
		UUID request = pending(supporter).get(0);

		WebSession coordinator = signedIn(accounts.create(Role.COORDINATOR));
		coordinator.get("/");
		assertThat(coordinator.post("/admin/approvals/" + request + "/approval", Map.of()).status()).isEqualTo(403);
		assertThat(coordinator.get("/admin/approvals").status()).isEqualTo(403);
		assertThat(passkeys(supporter)).isEqualTo(1);
		assertThat(pending(supporter)).containsExactly(request);

		jdbc.sql("update account_approval set expires_at = now() - interval '1 minute' where id = ?").param(request).update();
		secondAdmin.get("/admin/approvals");
		assertThat(secondAdmin.post("/admin/approvals/" + request + "/approval", Map.of()).location())
			.endsWith("/admin/approvals");
		assertThat(secondAdmin.get("/admin/approvals").body()).contains("het is al beslist of vervallen");
		assertThat(passkeys(supporter)).as("an expired request does nothing").isEqualTo(1);
		assertThat(audit("FACTOR_RESET_APPROVED", supporter, "ALLOWED")).isZero();
		assertThat(secondAdmin.post("/admin/approvals/not-a-uuid/approval", Map.of()).status()).isEqualTo(400);
	}

	@Test
	void aRejectedRequestChangesNothingAndCannotBeApprovedAfterwards() {
		TestAccount supporter = accounts.create(Role.SUPPORTER);
		firstAdmin.get("/admin/accounts/" + supporter.id());
		firstAdmin.post("/admin/accounts/" + supporter.id() + "/factor-reset", Map.of());
		UUID request = pending(supporter).get(0);
		secondAdmin.get("/admin/accounts/" + supporter.id());
		secondAdmin.post("/admin/approvals/" + request + "/rejection", Map.of());
		assertThat(secondAdmin.get("/admin/approvals").body()).contains("Afgewezen: er is niets gewijzigd");
		secondAdmin.post("/admin/approvals/" + request + "/approval", Map.of());
		assertThat(passkeys(supporter)).isEqualTo(1);
		assertThat(audit("FACTOR_RESET_REJECTED", supporter, "ALLOWED")).isEqualTo(1);
		assertThat(audit("FACTOR_RESET_APPROVED", supporter, "ALLOWED")).isZero();
	}

	@Test
	void theAdministratorRoleIsGrantedOnlyWithASecondAdministrator() {
		TestAccount analyst = accounts.create(Role.ANALYST);
		firstAdmin.get("/admin/accounts/" + analyst.id());
		Response saved = firstAdmin.postFields("/admin/accounts/" + analyst.id(), List.of(Map.entry("displayName",
				"Analist"), Map.entry("roles", "ANALYST"), Map.entry("roles", "ADMIN"), Map.entry("enabled", "true")));
		assertThat(saved.location()).endsWith("/admin/accounts/" + analyst.id());
		assertThat(roles(analyst)).as("the rest is saved, the role waits").containsExactly("ANALYST");
		assertThat(audit("GRANT_ADMIN_REQUESTED", analyst, "ALLOWED")).isEqualTo(1);

		firstAdmin.get("/admin/accounts/new");
		Response created = firstAdmin.post("/admin/accounts", Map.of("username", "new-admin-" + System.nanoTime(),
				"displayName", "Nieuwe beheerder", "roles", "ADMIN"));
		assertThat(created.body()).as("no new administrator on one word").contains("id=\"roles-error\"")
			.contains("Een nieuw account krijgt de beheerdersrol niet meteen");

		approveOn(secondAdmin, analyst);
		assertThat(roles(analyst)).containsExactlyInAnyOrder("ANALYST", "ADMIN");
		assertThat(audit("GRANT_ADMIN_APPROVED", analyst, "ALLOWED")).isEqualTo(1);
	}

	@Test
	void anAdministratorsOwnAccountIsDecidedBySomeoneElse() {
		firstAdmin.get("/admin/accounts/" + second.id());
		firstAdmin.post("/admin/accounts/" + second.id() + "/setup-link", Map.of());
		UUID request = jdbc.sql("select id from account_approval where account_id = ? and decided_at is null")
			.param(second.id()).query(UUID.class).single();
		secondAdmin.get("/admin/approvals");
		secondAdmin.post("/admin/approvals/" + request + "/approval", Map.of());
		assertThat(secondAdmin.get("/admin/approvals").body()).contains("Over een verzoek voor uw eigen account");
		assertThat(jdbc.sql("select count(*) from setup_link where account_id = ?").param(second.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void anAdministratorEndsOnePersonsSessions() {
		TestAccount supporter = accounts.create(Role.SUPPORTER);
		WebSession laptop = signedIn(supporter);
		WebSession phone = signedIn(supporter);
		WebSession bystander = signedIn(accounts.create(Role.COORDINATOR));
		firstAdmin.get("/admin/accounts/" + supporter.id());
		assertThat(firstAdmin.post("/admin/accounts/" + supporter.id() + "/sessions/end", Map.of()).location())
			.endsWith("/admin/accounts/" + supporter.id());
		assertThat(laptop.get("/cases").location()).endsWith("/login");
		assertThat(phone.get("/cases").location()).endsWith("/login");
		assertThat(bystander.get("/cases").status()).isEqualTo(200);
		assertThat(firstAdmin.get("/admin/accounts/" + supporter.id()).body())
			.contains("Alle sessies van dit account zijn beëindigd");
		assertThat(jdbc.sql("""
				select count(*) from audit_event where action = 'SESSIONS_ENDED' and object_id = ? and actor_id = ?""")
			.params(supporter.id().toString(), first.id()).query(Long.class).single()).isEqualTo(1);

		WebSession coordinator = signedIn(accounts.create(Role.COORDINATOR));
		coordinator.get("/");
		assertThat(coordinator.post("/admin/accounts/" + supporter.id() + "/sessions/end", Map.of()).status())
			.isEqualTo(403);
		assertThat(coordinator.post("/admin/sessions/end-all", Map.of()).status()).isEqualTo(403);
	}

	@Test
	void anAdministratorEndsEveryonesSessionsButTheirOwnAfterStepUp() {
		WebSession supporter = signedIn(accounts.create(Role.SUPPORTER));
		WebSession client = new WebSession(port);
		client.signIn(accounts.create(Role.CLIENT).username(), TestAccounts.PASSWORD);
		assertThat(client.get("/my/requests").status()).isEqualTo(200);

		ageFactors(firstAdmin, 11);
		firstAdmin.get("/admin/accounts");
		assertThat(firstAdmin.post("/admin/sessions/end-all", Map.of()).location()).as("step-up first")
			.contains("/login/factor?continue=");
		assertThat(supporter.get("/cases").status()).isEqualTo(200);
		firstAdmin.get("/login/factor");
		firstAdmin.completeWithPasskey(TestAccounts.passkeyOf(first.username()).orElseThrow());
		firstAdmin.get("/admin/accounts");
		assertThat(firstAdmin.post("/admin/sessions/end-all", Map.of()).location()).endsWith("/admin/accounts");
		assertThat(supporter.get("/cases").location()).endsWith("/login");
		assertThat(client.get("/my/requests").location()).endsWith("/login");
		assertThat(secondAdmin.get("/admin/accounts").location()).as("other administrators too").endsWith("/login");
		assertThat(firstAdmin.get("/admin/accounts").body()).as("but not their own")
			.contains("De sessies van iedereen behalve uw eigen zijn beëindigd");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'ALL_SESSIONS_ENDED' and actor_id = ?")
			.param(first.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aSetUpLinkIsMailedOnlyToAnAddressTheOwnerSetThemselves() throws Exception {
		// the requester points the account's notification address at their own mailbox, then asks for a set-up link
		TestAccount victim = accounts.create(Role.COORDINATOR);
		String rogue = victim.username() + "@attacker.example";
		firstAdmin.get("/admin/accounts/" + victim.id());
		assertThat(firstAdmin.post("/admin/accounts/" + victim.id() + "/notification-email",
				Map.of("notificationEmail", rogue)).status()).isEqualTo(302);
		firstAdmin.get("/admin/accounts/" + victim.id());
		firstAdmin.post("/admin/accounts/" + victim.id() + "/setup-link", Map.of());
		UUID request = pending(victim).get(0);

		String page = secondAdmin.get("/admin/approvals").body();
		assertThat(page).as("the approver sees where the link goes, not the address")
			.containsPattern("id=\"link-destination-" + request + "\"[^>]*>\\(wordt na goedkeuring één keer aan u getoond\\)")
			.doesNotContain("attacker.example");
		Response shown = approveOn(secondAdmin, victim);
		assertThat(shown.status()).as("an address an administrator set counts as none").isEqualTo(200);
		assertThat(shown.body()).contains("id=\"setup-link\"").containsPattern(SETUP_LINK);
		assertThat(to(rogue).stream().filter(this::isSetupLink)).as("nothing secret goes to that mailbox").isEmpty();

		// an address the owner set themselves gets the link, and the approver is told so beforehand
		TestAccount owner = accounts.create(Role.SUPPORTER);
		String own = owner.username() + "@example.org";
		setAddress(owner, own);
		firstAdmin.get("/admin/accounts/" + owner.id());
		firstAdmin.post("/admin/accounts/" + owner.id() + "/setup-link", Map.of());
		assertThat(secondAdmin.get("/admin/approvals").body())
			.containsPattern("id=\"link-destination-" + pending(owner).get(0)
					+ "\"[^>]*>\\(gaat naar het e-mailadres dat de eigenaar zelf opgaf\\)")
			.doesNotContain(own);
		assertThat(approveOn(secondAdmin, owner).status()).isEqualTo(302);
		assertThat(to(own).stream().filter(this::isSetupLink)).hasSize(1);
	}

	@Test
	void anAdministratorCannotChangeTheirOwnRoles() {
		firstAdmin.get("/admin/accounts/" + first.id());
		Response widened = firstAdmin.postFields("/admin/accounts/" + first.id(), List.of(Map.entry("displayName",
				"Beheerder"), Map.entry("roles", "ADMIN"), Map.entry("roles", "COORDINATOR"), Map.entry("enabled", "true")));
		assertThat(widened.status()).isEqualTo(200);
		assertThat(widened.body()).contains("id=\"roles-error\"")
			.contains("U kunt uw eigen rollen niet wijzigen: dat doet een andere beheerder.");
		assertThat(roles(first)).containsExactly("ADMIN");

		assertThat(firstAdmin.postFields("/admin/accounts/" + first.id(), List.of(Map.entry("displayName",
				"Beheerder Een"), Map.entry("roles", "ADMIN"), Map.entry("enabled", "true"))).location())
			.as("their own name they still change").endsWith("/admin/accounts?saved");
		secondAdmin.get("/admin/accounts/" + first.id());
		assertThat(secondAdmin.postFields("/admin/accounts/" + first.id(), List.of(Map.entry("displayName",
				"Beheerder Een"), Map.entry("roles", "ADMIN"), Map.entry("roles", "ANALYST"),
				Map.entry("enabled", "true"))).location()).as("another administrator may").endsWith("/admin/accounts?saved");
		assertThat(roles(first)).containsExactlyInAnyOrder("ADMIN", "ANALYST");
	}

	@Test
	void anIntegrationAccountHoldsOnlyAPartnersOrAnAnalystsRole() {
		String name = "koppeling-" + System.nanoTime();
		firstAdmin.get("/admin/accounts/new");
		for (String role : List.of("COORDINATOR", "SUPPORTER", "CLIENT", "ADMIN")) {
			Response refused = firstAdmin.post("/admin/accounts", Map.of("username", name, "displayName", "Koppeling",
					"roles", role, "integration", "true"));
			assertThat(refused.body()).as(role).contains("id=\"roles-error\"")
				.contains("Een koppeling met een ander systeem krijgt alleen de rol Partnerorganisatie of Analist");
		}
		assertThat(jdbc.sql("select count(*) from account where username = ?").param(name).query(Long.class).single())
			.isZero();

		assertThat(firstAdmin.post("/admin/accounts", Map.of("username", name, "displayName", "Koppeling", "roles",
				"PARTNER", "integration", "true")).status()).isEqualTo(200);
		UUID integration = jdbc.sql("select id from account where username = ?").param(name).query(UUID.class).single();
		firstAdmin.get("/admin/accounts/" + integration);
		Response widened = firstAdmin.postFields("/admin/accounts/" + integration, List.of(Map.entry("displayName",
				"Koppeling"), Map.entry("roles", "PARTNER"), Map.entry("roles", "COORDINATOR"), Map.entry("enabled", "true")));
		assertThat(widened.body()).contains("id=\"roles-error\"").contains("krijgt alleen de rol Partnerorganisatie");
		assertThat(jdbc.sql("select role from account_role where account_id = ?").param(integration)
			.query(String.class).list()).containsExactly("PARTNER");

		// an integration from before the rule that holds a wider role gets no token with it
		jdbc.sql("insert into account_role (account_id, role) values (?, 'COORDINATOR')").param(integration).update();
		firstAdmin.get("/admin/accounts/" + integration);
		Response token = firstAdmin.post("/admin/accounts/" + integration + "/tokens",
				Map.of("name", "t", "roles", "COORDINATOR", "days", "30"));
		assertThat(token.body()).doesNotContain("id=\"token-secret\"").contains("krijgt alleen de rol Partnerorganisatie");
		assertThat(jdbc.sql("select count(*) from access_token where account_id = ?").param(integration)
			.query(Long.class).single()).isZero();
	}

	@Test
	void whoCreatedAnAccountNeitherAsksNorDecidesAnApprovalForIt() {
		String name = "nieuw-" + System.nanoTime();
		firstAdmin.get("/admin/accounts/new");
		assertThat(firstAdmin.post("/admin/accounts", Map.of("username", name, "displayName", "Nieuwe analist",
				"roles", "ANALYST")).body()).contains("initial-password");
		TestAccount created = new TestAccount(
				jdbc.sql("select id from account where username = ?").param(name).query(UUID.class).single(), name);
		assertThat(jdbc.sql("select created_by from account where id = ?").param(created.id()).query(UUID.class)
			.single()).isEqualTo(first.id());

		firstAdmin.get("/admin/accounts/" + created.id());
		Response asked = firstAdmin.postFields("/admin/accounts/" + created.id(), List.of(Map.entry("displayName",
				"Nieuwe analist"), Map.entry("roles", "ANALYST"), Map.entry("roles", "ADMIN"), Map.entry("enabled", "true")));
		assertThat(asked.body()).contains("id=\"roles-error\"")
			.contains("U hebt dit account aangemaakt: over verzoeken ervoor vraagt en beslist een andere beheerder.");
		firstAdmin.post("/admin/accounts/" + created.id() + "/setup-link", Map.of());
		firstAdmin.post("/admin/accounts/" + created.id() + "/factor-reset", Map.of());
		assertThat(firstAdmin.get("/admin/accounts/" + created.id()).body()).contains("U hebt dit account aangemaakt");
		assertThat(pending(created)).as("the creator asks nothing for it").isEmpty();

		secondAdmin.get("/admin/accounts/" + created.id());
		secondAdmin.postFields("/admin/accounts/" + created.id(), List.of(Map.entry("displayName", "Nieuwe analist"),
				Map.entry("roles", "ANALYST"), Map.entry("roles", "ADMIN"), Map.entry("enabled", "true")));
		UUID request = pending(created).get(0);
		String page = firstAdmin.get("/admin/approvals").body();
		assertThat(page).as("the creator and the creation date are shown").containsPattern("id=\"account-created-"
				+ request + "\"[^>]*>\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}, door " + first.username() + "<");
		assertThat(page).doesNotContain("/admin/approvals/" + request + "/approval");
		assertThat(firstAdmin.post("/admin/approvals/" + request + "/approval", Map.of()).location())
			.endsWith("/admin/approvals");
		assertThat(firstAdmin.get("/admin/approvals").body()).contains("U hebt dit account aangemaakt");
		assertThat(roles(created)).as("the creator does not decide").containsExactly("ANALYST");
		assertThat(audit("GRANT_ADMIN_DECISION", created, "DENIED")).isEqualTo(1);

		WebSession third = signedIn(accounts.create(Role.ADMIN));
		approveOn(third, created);
		assertThat(roles(created)).as("a third administrator does").containsExactlyInAnyOrder("ANALYST", "ADMIN");
	}

	private Response approveOn(WebSession admin, TestAccount account) {
		Matcher approve = APPROVE.matcher(admin.get("/admin/accounts/" + account.id()).body());
		assertThat(approve.find()).as("the second administrator sees the request with its buttons").isTrue();
		return admin.post(approve.group(), Map.of());
	}

	private List<UUID> pending(TestAccount account) {
		return jdbc.sql("select id from account_approval where account_id = ? and decided_at is null and expires_at > now()")
			.param(account.id()).query(UUID.class).list();
	}

	private int passkeys(TestAccount account) {
		return jdbc.sql("select count(*) from account_passkey where account_id = ?").param(account.id())
			.query(Integer.class).single();
	}

	private List<String> roles(TestAccount account) {
		return jdbc.sql("select role from account_role where account_id = ?").param(account.id()).query(String.class).list();
	}

	private long audit(String action, TestAccount account, String result) {
		return jdbc.sql("select count(*) from audit_event where action = ? and object_id = ? and result = ?")
			.params(action, account.id().toString(), result).query(Long.class).single();
	}

	private void setAddress(TestAccount account, String address) {
		WebSession browser = signedIn(account);
		browser.get("/account");
		assertThat(browser.post("/account/notification-email", Map.of("notificationEmail", address)).location())
			.endsWith("/account");
	}

	private boolean isSetupLink(MimeMessage message) {
		try {
			return message.getSubject().contains("kies een nieuw wachtwoord");
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private void ageFactors(WebSession browser, int minutes) {
		StepUpClock.ageFactors(sessions, browser, minutes);
	}

	private WebSession signedIn(TestAccount account) {
		WebSession browser = new WebSession(port);
		assertThat(browser.signIn(account.username(), TestAccounts.PASSWORD).location()).endsWith("/");
		return browser;
	}

	private static List<String> subjects(String address) throws MessagingException {
		return Inbox.subjects(MAIL, address);
	}

	private static List<MimeMessage> to(String address) {
		return Inbox.to(MAIL, address);
	}

	/** Opens a set-up link as a browser does: the token moves into the session and the page comes without it. */
	private static Response opened(WebSession browser, String link) {
		Response redirect = browser.get(link);
		assertThat(redirect.status()).isEqualTo(303);
		return browser.get(java.net.URI.create(redirect.location()).getPath());
	}
}
