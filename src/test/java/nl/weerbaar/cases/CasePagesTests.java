package nl.weerbaar.cases;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import nl.weerbaar.cases.CaseFixtures.OpenCase;
import nl.weerbaar.cases.CaseFixtures.SupporterAt;
import nl.weerbaar.security.Role;
import nl.weerbaar.testing.BrowserTest;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case pages in a real browser with the axe check on each: the supporter's workspace and referrals, a
 * coordinator's transfer and closure, the client's view with evaluation and consent, and the partner portal.
 */
class CasePagesTests extends BrowserTest {

	@Autowired
	ApplicationContext application;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSupporterWorksACaseRecordsContactAgreesAnActionAndRefersWithConsent() {
		CaseFixtures fixtures = new CaseFixtures(application, port);
		SupporterAt supporter = fixtures.supporter("PV25");
		OpenCase open = fixtures.openCase(supporter, fixtures.officeHolder(null), "HIGH");

		Page page = signIn(supporter.account().username(), TestAccounts.PASSWORD);
		page.navigate(url("/cases"));
		assertThat(page.locator("main").textContent()).contains("Mijn casussen").contains("Eerste contact");
		assertAccessible(page);
		page.locator("a[href='/cases/" + open.caseId() + "']").click();
		page.waitForURL(url("/cases/" + open.caseId()));
		page.waitForCondition(() -> page.locator("#referrals").textContent().contains("Toestemming van de cliënt"));
		assertAccessible(page);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Contact vastleggen")).click();
		assertThat(page.locator("#mode-error").textContent()).contains("Vul dit veld in");
		assertAccessible(page);
		page.getByLabel("Hoe", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("Telefoon"));
		page.getByLabel("Duur in minuten").fill("25");
		page.getByLabel("Korte notitie").fill("Eerste gesprek gevoerd");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Contact vastleggen")).click();
		assertThat(page.locator("#contacts").textContent()).contains("Eerste gesprek gevoerd").contains("25 minuten");

		page.getByLabel("Wat", new Page.GetByLabelOptions().setExact(true)).fill("Woningscan bespreken");
		page.getByLabel("Wie", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel("Cliënt"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Actie afspreken")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gedaan: Woningscan bespreken")).click();
		page.waitForCondition(() -> page.locator("#actions").textContent().contains("gedaan"));
		assertThat(page.locator("main").textContent()).contains("Lopend");
		assertAccessible(page);

		page.navigate(url("/cases/" + open.caseId() + "/referrals"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Doorverwijzen")).click();
		assertThat(page.locator("#partnerId-error").textContent()).contains("Vul dit veld in");
		assertAccessible(page);
		page.locator("#consentPartnerId").selectOption(new SelectOption().setLabel("Centrum voor Criminaliteitspreventie en Veiligheid (CCV)"));
		page.locator("#consents").getByLabel("Naam").check();
		page.locator("#consents").getByLabel("Telefoonnummer").check();
		page.getByLabel("Hoe gegeven").selectOption(new SelectOption().setLabel("Mondeling"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Toestemming vastleggen")).click();
		assertThat(page.locator("#consents").textContent()).contains("geldig");
		page.locator("#partnerId").selectOption(new SelectOption().setLabel("Centrum voor Criminaliteitspreventie en Veiligheid (CCV)"));
		page.getByLabel("Waarvoor").selectOption(new SelectOption().setLabel("Woningscan"));
		page.locator("#referrals-list").getByLabel("Naam").check();
		page.locator("#referrals-list").getByLabel("E-mailadres").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Doorverwijzen")).click();
		assertThat(page.locator("#referrals-list .utrecht-alert").textContent()).as("e-mail was not consented to").contains("geen geldige toestemming");
		assertThat(page.locator("#overrideReason").count()).as("only coordinators may override").isZero();
		page.locator("#referrals-list").getByLabel("E-mailadres").uncheck();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Doorverwijzen")).click();
		assertThat(page.locator("#referrals-list").textContent()).contains("Woningscan").contains("Verstuurd");
		assertAccessible(page);

		String referral = CaseFixtures.read(supporter.session().get("/api/v1/cases/" + open.caseId() + "/referrals")).get(0).get("id").asString();
		page.locator("a[href='/cases/" + open.caseId() + "/referrals/" + referral + "']").click();
		assertThat(page.locator("main").textContent()).contains("Woningscan").contains("Gegevens die meegaan: Naam");
		assertAccessible(page);
		var view = CaseFixtures.read(supporter.session().get("/api/v1/cases/" + open.caseId()));
		page.navigate(url("/cases/" + open.caseId() + "/contacts/" + view.get("contacts").get(0).get("id").asString()));
		assertThat(page.locator("main").textContent()).contains("Eerste gesprek gevoerd");
		assertAccessible(page);
		page.navigate(url("/cases/" + open.caseId() + "/actions/" + view.get("actions").get(0).get("id").asString()));
		assertThat(page.locator("main").textContent()).contains("Woningscan bespreken");
		assertAccessible(page);

		page.setViewportSize(390, 844);
		page.navigate(url("/cases/" + open.caseId()));
		page.waitForCondition(() -> page.locator("#referrals").textContent().contains("Verstuurd"));
		assertAccessible(page);
	}

	@Test
	void aCoordinatorTransfersAndClosesACaseAndTheClientEvaluatesIt() {
		CaseFixtures fixtures = new CaseFixtures(application, port);
		SupporterAt first = fixtures.supporter("PV26");
		SupporterAt second = fixtures.supporter("PV26");
		TestAccount clientAccount = new TestAccounts(application).create(Role.CLIENT);
		OpenCase open = fixtures.openCase(first, fixtures.officeHolder(clientAccount.id()), "MODERATE");
		String secondName = CaseFixtures.read(fixtures.coordinator.get("/api/v1/supporters/" + second.supporterId())).get("name").asString();
		TestAccount coordinator = new TestAccounts(application).create(Role.COORDINATOR);

		Page page = signIn(coordinator.username(), TestAccounts.PASSWORD);
		page.navigate(url("/cases/" + open.caseId()));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Overdragen")).click();
		assertThat(page.locator("#transferReason-error").textContent()).contains("Vul dit veld in");
		assertAccessible(page);
		page.locator("#supporterId").selectOption(new SelectOption().setLabel(secondName));
		page.getByLabel("Reden", new Page.GetByLabelOptions().setExact(true)).fill("Vakantie van drie weken");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Overdragen")).click();
		assertThat(page.locator("main").textContent()).contains(secondName).contains("Vakantie van drie weken");
		assertThat(first.session().get("/cases/" + open.caseId()).status()).isEqualTo(404);

		page.getByLabel("Reden van afsluiten").selectOption(new SelectOption().setLabel("Opgelost"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Casus afsluiten")).click();
		assertThat(page.locator("#summary-error").textContent()).contains("Vul dit veld in");
		page.getByLabel("Samenvatting").fill("Rust teruggekeerd");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Casus afsluiten")).click();
		assertThat(page.locator(".wb-status-line").textContent()).contains("Afgesloten");
		assertAccessible(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Uitloggen")).click();
		page.waitForURL(url("/login?logout"));

		Page client = signIn(clientAccount.username(), TestAccounts.PASSWORD);
		client.navigate(url("/my/cases"));
		assertAccessible(client);
		client.locator("a[href='/my/cases/" + open.caseId() + "']").click();
		client.waitForCondition(() -> client.locator("#referrals").textContent().contains("Uw toestemming"));
		assertAccessible(client);
		client.navigate(url("/my/cases/" + open.caseId() + "/referrals"));
		assertThat(client.locator("main").textContent()).contains("Uw toestemming");
		assertAccessible(client);
		client.navigate(url("/my/cases/" + open.caseId()));
		client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Beoordeling versturen")).click();
		assertThat(client.locator("#satisfaction-error").textContent()).contains("Kies een cijfer");
		assertAccessible(client);
		client.getByLabel("4 – tevreden").check();
		client.locator("#evaluation").getByLabel("Ja").check();
		client.getByLabel("Wilt u nog iets kwijt?").fill("Dank jullie");
		client.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Beoordeling versturen")).click();
		assertThat(client.locator("#evaluation").textContent()).contains("Dank u wel");
		assertAccessible(client);
	}

	@Test
	void aPartnerUserSeesTheReferralToTheirOrganisationAndAnswersIt() {
		CaseFixtures fixtures = new CaseFixtures(application, port);
		SupporterAt supporter = fixtures.supporter("PV27");
		OpenCase open = fixtures.openCase(supporter, fixtures.officeHolder(null), "LOW");
		UUID dji = jdbc.sql("select id from partner where code = 'DJI'").query(UUID.class).single();
		String base = "/api/v1/cases/" + open.caseId();
		supporter.session().postJson(base + "/consents", "{\"partnerId\": \"" + dji + "\", \"fields\": [\"NAME\", \"FUNCTION\"],"
				+ " \"givenOn\": \"2026-11-21\", \"how\": \"IN_WRITING\"}");
		String referral = CaseFixtures.read(supporter.session().postJson(base + "/referrals", "{\"partnerId\": \"" + dji
				+ "\", \"instrument\": \"TRAINING\", \"fields\": [\"NAME\", \"FUNCTION\"]}")).get("id").asString();
		TestAccount partner = new TestAccounts(application).create(Role.PARTNER);
		jdbc.sql("insert into partner_member (account_id, partner_id) values (?, ?)").params(partner.id(), dji).update();

		Page page = signIn(partner.username(), TestAccounts.PASSWORD);
		page.navigate(url("/partner/referrals"));
		assertThat(page.locator("main").textContent()).contains("DJI Opleidingsinstituut");
		assertAccessible(page);
		page.locator("a[href='/partner/referrals/" + referral + "']").click();
		assertThat(page.locator("main").textContent()).contains("Wethouder").contains("Functie");
		assertAccessible(page);
		page.getByLabel("Nieuwe status").selectOption(new SelectOption().setLabel("Aangenomen"));
		page.getByLabel("Kort bericht terug").fill("Ingeschreven voor januari");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bijwerken")).click();
		assertThat(page.locator(".wb-status-line").textContent()).contains("Aangenomen");
		assertThat(page.locator("main").textContent()).contains("Ingeschreven voor januari");
		assertAccessible(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Uitloggen")).click();
		page.waitForURL(url("/login?logout"));

		TestAccount admin = new TestAccounts(application).create(Role.ADMIN);
		Page directory = signIn(admin.username(), TestAccounts.PASSWORD);
		directory.navigate(url("/partners"));
		assertAccessible(directory);
		directory.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Partnerorganisatie toevoegen")).click();
		directory.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
		assertThat(directory.locator("#code-error").textContent()).contains("hoofdletters");
		assertAccessible(directory);
	}

	@Test
	void someoneWhoAskedThroughThePublicFormEvaluatesOnTheReceiptPage() {
		WebSession visitor = new WebSession(port);
		Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(visitor.get("/hulp").body());
		assertThat(token.find()).isTrue();
		Response receipt = visitor.post("/hulp", new HashMap<>(Map.of("summary", "Bedreigd", "kind", "ONLINE_ABUSE",
				"occurredOn", "2026-11-20", "token", token.group(1))), "X-Forwarded-For", "198.51.100.90");
		Matcher code = Pattern.compile("id=\"receipt-code\">([\\d ]+)<").matcher(receipt.body());
		assertThat(code.find()).isTrue();
		UUID request = jdbc.sql("select id from support_request where channel = 'PUBLIC_FORM' order by created_at desc limit 1")
			.query(UUID.class).single();
		CaseFixtures fixtures = new CaseFixtures(application, port);
		SupporterAt supporter = fixtures.supporter("PV28");
		UUID holder = fixtures.officeHolder(null);
		fixtures.coordinator.putJson("/api/v1/support-requests/" + request + "/subject", "{\"subjectId\": \"" + holder + "\"}");
		OpenCase open = fixtures.openCase(supporter, request, holder, "LOW");
		supporter.session().postJson("/api/v1/cases/" + open.caseId() + "/closure", "{\"reason\": \"RESOLVED\", \"summary\": \"Klaar\"}");

		Page page = newPage();
		page.navigate(url("/hulp/status"));
		page.getByLabel("Uw code").fill(code.group(1));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bekijken")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Uw hulpvraag is afgerond")).click();
		page.waitForURL(url("/hulp/evaluatie"));
		assertAccessible(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Beoordeling versturen")).click();
		assertThat(page.locator("#satisfaction-error").textContent()).contains("Kies een cijfer");
		assertAccessible(page);
		page.getByLabel("5 – zeer tevreden").check();
		page.locator("#evaluation").getByLabel("Nee").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Beoordeling versturen")).click();
		assertThat(page.locator("#evaluation").textContent()).contains("Dank u wel");
		assertAccessible(page);
	}
}
