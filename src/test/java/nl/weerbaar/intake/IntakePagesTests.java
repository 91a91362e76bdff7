package nl.weerbaar.intake;

import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.weerbaar.security.Role;
import nl.weerbaar.testing.BrowserTest;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Intake's pages in a real browser, each with the axe check: coordinator, client and the anonymous route. */
class IntakePagesTests extends BrowserTest {

	@Autowired
	ApplicationContext application;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCoordinatorTakesACallInTriagesItAsAcuteAndRecordsWhatWasDone() {
		IntakeFixtures fixtures = new IntakeFixtures(port, application);
		UUID holder = fixtures.alderman(null);
		String name = jdbc.sql("select name from office_holder order by created_at desc limit 1").query(String.class).single();
		Page page = signIn(fixtures.coordinator.username(), TestAccounts.PASSWORD);
		page.navigate(url("/requests/new"));
		assertAccessible(page);
		page.getByLabel("Ambtsdrager zoeken").fill(name);
		page.getByLabel(name + " — Wethouder GM0437").check();
		page.getByLabel("Samenvatting").fill("Belt over een man die foto's van zijn huis maakt");
		page.getByLabel("Datum").fill("2026-11-27");
		page.getByLabel("Soort").selectOption("INTIMIDATION_AT_HOME");
		page.getByLabel("Waar of via welk kanaal").selectOption("AT_HOME");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registreren")).click();
		page.waitForURL(url -> url.matches(".*/requests/[0-9a-f-]{36}$"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent()).startsWith("Hulpvraag HV-");
		assertThat(page.locator("#incidents").textContent()).contains("Intimidatie bij de woning");
		assertAccessible(page);

		Locator pathway = page.locator("fieldset.wb-behaviour").filter(new Locator.FilterOptions().setHasText("Voorbereiding (pathway)"));
		pathway.getByLabel("Ja").check();
		page.waitForCondition(() -> page.locator("#suggestion").textContent().contains("Hoog"));
		assertThat(page.locator("#suggestion").textContent()).contains("aanwijzingen voor voorbereiding");
		page.locator("fieldset").filter(new Locator.FilterOptions().setHasText("Zorgniveau")).last().getByLabel("Acuut").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Triage opslaan")).click();
		assertThat(page.locator(".wb-escalation").textContent()).contains("112").contains("Leg vast wat er is gedaan");
		assertAccessible(page);

		page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true)).selectOption("MATCHING");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Status wijzigen")).click();
		assertThat(page.getByRole(AriaRole.ALERT).first().textContent()).contains("leg eerst vast wat er is gedaan");
		assertAccessible(page);

		page.navigate(page.url().replaceAll("/status$", ""));
		page.getByLabel("Wat is er gedaan (bij acuut)").fill("112 gebeld; politie is langs geweest; burgemeester ingelicht.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Triage opslaan")).click();
		assertThat(page.locator(".wb-escalation").textContent()).contains("burgemeester ingelicht");
		page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true)).selectOption("MATCHING");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Status wijzigen")).click();
		assertThat(page.locator(".wb-status-line").textContent()).contains("Ondersteuner zoeken").contains("Acuut");
		assertAccessible(page);

		page.navigate(url("/office-holders/" + holder));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hulpvraag registreren")).click();
		assertThat(page.locator("form fieldset").first().textContent()).as("the person is already chosen").contains(name);
		assertAccessible(page);
	}

	@Test
	void theQueueFiltersInPlaceRefreshesWithoutLosingThemAndMakesOverdueRequestsStandOut() {
		IntakeFixtures fixtures = new IntakeFixtures(port, application);
		String id = fixtures.phoneRequest(fixtures.alderman(null), "Te laat").get("id").asString();
		jdbc.sql("update support_request set due_at = now() - interval '2 hours' where id = ?::uuid").param(id).update();
		String reference = jdbc.sql("select reference from support_request where id = ?::uuid").param(id).query(String.class).single();
		Page page = signIn(fixtures.coordinator.username(), TestAccounts.PASSWORD);
		assertThat(page.locator("main .utrecht-alert").allTextContents()).as("the start page says what is overdue")
			.anySatisfy(text -> assertThat(text).contains("te laat"));
		assertAccessible(page);
		page.navigate(url("/requests"));
		assertAccessible(page);
		page.evaluate("window.notReloaded = true");
		page.getByLabel("Alleen te laat").check();
		page.waitForCondition(() -> page.url().contains("overdue=true"));
		Locator row = page.locator("#queue tbody tr").filter(new Locator.FilterOptions().setHasText(reference));
		assertThat(row.getAttribute("class")).contains("wb-row--overdue");
		assertThat(row.textContent()).contains("Te laat");
		page.getByLabel("Functie").selectOption("ALDERMAN");
		page.waitForCondition(() -> page.url().contains("function=ALDERMAN"));
		assertThat(page.locator("#queue tbody tr").allTextContents()).allSatisfy(text -> assertThat(text).contains("Wethouder"));

		// what the every-30-seconds refresh sends: the filters come along, so the list stays as the user set it
		page.evaluate("window.refreshed = new Promise(done => document.body.addEventListener('htmx:afterSwap', done, {once: true}))");
		page.evaluate("htmx.trigger('#queue', 'refresh')");
		page.evaluate("window.refreshed");
		assertThat(page.getByLabel("Functie").inputValue()).isEqualTo("ALDERMAN");
		assertThat(page.getByLabel("Alleen te laat").isChecked()).isTrue();
		assertThat(page.locator("#queue tbody tr").allTextContents()).allSatisfy(text -> assertThat(text).contains("Te laat"));
		assertThat(page.evaluate("window.notReloaded")).as("no full page load").isEqualTo(true);
		assertAccessible(page);

		row = page.locator("#queue tbody tr").filter(new Locator.FilterOptions().setHasText(reference));
		row.getByRole(AriaRole.LINK).focus();
		page.keyboard().press("Enter");
		page.waitForURL(url("/requests/" + id));
		assertThat(page.locator(".wb-status-line").textContent()).contains("Te laat");
	}

	@Test
	void aClientAsksForHelpForTheirPartnerAndFollowsIt() {
		IntakeFixtures fixtures = new IntakeFixtures(port, application);
		TestAccount client = fixtures.account(Role.CLIENT);
		UUID self = fixtures.alderman(client);
		fixtures.homeFrontOf(self);
		Page page = signIn(client.username(), TestAccounts.PASSWORD);
		page.navigate(url("/my/requests"));
		assertAccessible(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hulp vragen")).click();
		assertAccessible(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")).click();
		assertThat(page.locator("#summary-error").textContent()).contains("Vul dit veld in");
		assertAccessible(page);
		page.getByLabel("Partner").check();
		page.getByLabel("Wat is er aan de hand?").fill("Mijn partner wordt gevolgd op weg naar het werk");
		page.getByLabel("Datum").fill("2026-11-26");
		page.getByLabel("Soort").selectOption("STALKING");
		page.getByLabel("Waar of via welk kanaal").selectOption("IN_PERSON");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")).click();
		page.waitForURL(url -> url.matches(".*/my/requests/[0-9a-f-]{36}$"));
		assertThat(page.locator("main").textContent()).contains("Nieuw").contains("Mijn partner wordt gevolgd");
		page.getByLabel("Iets aanvullen of vragen").fill("Het is weer gebeurd");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")).click();
		assertThat(page.locator("#messages").textContent()).contains("Het is weer gebeurd");
		assertAccessible(page);
		page.navigate(url("/my/requests"));
		assertThat(page.locator("tbody").textContent()).contains("Thuisfront");
	}

	@Test
	void aHomeFrontMemberAsksForHelpWithoutSharingItAndSharesItLaterOnTheirRequestPage() {
		IntakeFixtures fixtures = new IntakeFixtures(port, application);
		UUID officeHolder = fixtures.alderman(fixtures.account(Role.CLIENT));
		UUID member = fixtures.homeFrontOf(officeHolder);
		TestAccount memberAccount = fixtures.account(Role.CLIENT);
		assertThat(fixtures.coordinatorApi.putJson("/api/v1/office-holders/" + officeHolder + "/home-front/" + member + "/account",
				"{\"accountId\": \"" + memberAccount.id() + "\"}").status()).isEqualTo(200);
		Page page = signIn(memberAccount.username(), TestAccounts.PASSWORD);
		page.navigate(url("/my/requests/new"));
		Locator share = page.getByLabel("De ambtsdrager in mijn gezin mag deze hulpvraag zien");
		assertThat(share.isChecked()).as("not shared unless the member asks").isFalse();
		assertAccessible(page);
		page.getByLabel("Wat is er aan de hand?").fill("Thuis wordt het onveilig");
		page.getByLabel("Datum").fill("2026-11-26");
		page.getByLabel("Soort").selectOption("INTIMIDATION_AT_HOME");
		page.getByLabel("Waar of via welk kanaal").selectOption("IN_PERSON");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")).click();
		page.waitForURL(url -> url.matches(".*/my/requests/[0-9a-f-]{36}$"));
		assertThat(page.locator("#sharing").textContent()).contains("Alleen u en het ondersteuningsteam");
		assertAccessible(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delen met de ambtsdrager in mijn gezin")).click();
		assertThat(page.locator("#sharing").textContent()).contains("De ambtsdrager in uw gezin ziet deze hulpvraag");
		assertAccessible(page);
	}

	@Test
	void aReceiptHolderIsToldTheRequestWasTakenOverOnceItIsLinked() {
		Page page = newPage();
		page.navigate(url("/hulp"));
		page.getByLabel("Wat is er aan de hand?").fill("Mijn buurman wordt bedreigd");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")).click();
		String code = page.locator("#receipt-code").textContent();
		IntakeFixtures fixtures = new IntakeFixtures(port, application);
		String id = jdbc.sql("select id::text from support_request where channel = 'PUBLIC_FORM' order by created_at desc limit 1")
			.query(String.class).single();
		assertThat(fixtures.coordinatorApi.putJson("/api/v1/support-requests/" + id + "/subject",
				"{\"subjectId\": \"" + fixtures.alderman(null) + "\"}").status()).isEqualTo(200);
		page.navigate(url("/hulp/status"));
		page.getByLabel("Uw code").fill(code);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bekijken")).click();
		page.waitForURL(url("/hulp/status/aanvraag"));
		assertThat(page.locator("main").textContent()).contains("Uw hulpvraag is overgenomen").doesNotContain("Mijn buurman");
		assertAccessible(page);
	}

	@Test
	void someoneWithoutAnAccountAsksForHelpAndFollowsItWithTheCode() {
		Page page = newPage();
		page.navigate(url("/hulp"));
		assertThat(page.getByRole(AriaRole.NOTE).first().textContent()).contains("112");
		assertAccessible(page);
		page.getByLabel("Wat is er aan de hand?").fill("Ik krijg dreigende berichten");
		page.getByLabel("Wat voor incident was het?").selectOption("ONLINE_ABUSE");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Versturen")).click();
		String code = page.locator("#receipt-code").textContent();
		assertThat(code).matches("(\\d{4} ){4}\\d{4}");
		assertAccessible(page);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ik heb al een code: status bekijken")).click();
		assertAccessible(page);
		page.getByLabel("Uw code").fill("0000 0000 0000 0000 0000");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bekijken")).click();
		assertThat(page.locator("#code-error").textContent()).contains("Deze code klopt niet");
		assertAccessible(page);
		page.getByLabel("Uw code").fill(code);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bekijken")).click();
		page.waitForURL(url("/hulp/status/aanvraag"));
		assertThat(page.locator("main").textContent()).contains("Ik krijg dreigende berichten").contains("Nieuw");
		assertAccessible(page);
		page.setViewportSize(375, 740);
		assertThat(page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).isEqualTo(0);
	}
}
