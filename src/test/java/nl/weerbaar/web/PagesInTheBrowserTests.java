package nl.weerbaar.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.weerbaar.security.Role;
import nl.weerbaar.testing.BrowserTest;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page of the foundation in a real browser: accessible (axe-core, WCAG 2.1 AA), usable at phone width. */
class PagesInTheBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext application;

	@Test
	void theLoginPageIsAccessibleInDutchAndEnglish() {
		Page page = newPage();
		page.navigate(url("/login"));
		assertAccessible(page);
		page.getByText("English").click();
		assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
		assertThat(page.getByRole(AriaRole.HEADING).first().textContent()).isEqualTo("Sign in");
		assertAccessible(page);
	}

	@Test
	void aFailedSignInIsAccessible() {
		Page page = newPage();
		page.navigate(url("/login"));
		page.getByLabel("Gebruikersnaam").fill("nobody-at-all");
		page.getByLabel("Wachtwoord").fill("wrong password here");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inloggen")).click();
		page.waitForURL(url("/login?error"));
		assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("onjuist");
		assertAccessible(page);
	}

	@Test
	void everyPageAnAdministratorSeesIsAccessible() {
		TestAccount admin = new TestAccounts(application).create(Role.ADMIN);
		Page page = signIn(admin.username(), TestAccounts.PASSWORD);
		for (String path : new String[] { "/", "/bodies", "/bodies?kind=WATER_BOARD", "/account/password",
				"/admin/accounts", "/admin/accounts/new", "/admin/accounts/" + admin.id(), "/admin/audit",
				"/admin/audit?actor=" + admin.id(), "/privacy", "/no-such-page" }) {
			page.navigate(url(path));
			assertAccessible(page);
		}
	}

	@Test
	void theAuditChainIsVerifiedFromItsPage() {
		TestAccount admin = new TestAccounts(application).create(Role.ADMIN);
		Page page = signIn(admin.username(), TestAccounts.PASSWORD);
		page.navigate(url("/admin/audit"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keten controleren")).click();
		assertThat(page.locator("#verification").textContent()).contains("De keten is intact");
		assertAccessible(page);
	}

	@Test
	void aCoordinatorSeesAPersonsDataAndAsksForErasure() {
		nl.weerbaar.privacy.SubjectId person = new nl.weerbaar.privacy.SubjectId(java.util.UUID.randomUUID());
		application.getBean(nl.weerbaar.privacy.PersonalData.class)
			.seal(person, new nl.weerbaar.privacy.FieldLocation("office_holder", "email", "1"), "someone@example.nl");
		TestAccount coordinator = new TestAccounts(application).create(Role.COORDINATOR);
		Page page = signIn(coordinator.username(), TestAccounts.PASSWORD);
		page.navigate(url("/privacy/subjects/" + person));
		assertAccessible(page);
		page.getByLabel("Reden").selectOption("SUBJECT_REQUEST");
		page.onDialog(dialog -> dialog.accept());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wissen aanvragen")).click();
		assertThat(page.getByRole(AriaRole.STATUS).first().textContent()).contains("wacht op een tweede persoon");
		page.navigate(url("/privacy"));
		assertThat(page.locator("table").first().textContent()).contains(person.toString());
		assertAccessible(page);
	}

	@Test
	void formsWithErrorsAreAccessibleAndNameTheFieldInError() {
		TestAccount admin = new TestAccounts(application).create(Role.ADMIN);
		Page page = signIn(admin.username(), TestAccounts.PASSWORD);
		page.navigate(url("/admin/accounts/new"));
		page.getByLabel("Gebruikersnaam").fill("Not Valid!");
		page.getByLabel("Naam", new Page.GetByLabelOptions().setExact(true)).fill("Iemand");
		page.getByLabel("Analist").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Account aanmaken")).click();
		assertThat(page.getByLabel("Gebruikersnaam").getAttribute("aria-invalid")).isEqualTo("true");
		assertAccessible(page);

		page.navigate(url("/account/password"));
		page.getByLabel("Huidig wachtwoord").fill("x");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wachtwoord opslaan")).click();
		assertThat(page.locator("#newPassword-error").isVisible()).isTrue();
		assertAccessible(page);
	}

	@Test
	void theNavigationFollowsTheRole() {
		TestAccount client = new TestAccounts(application).create(Role.CLIENT);
		Page page = signIn(client.username(), TestAccounts.PASSWORD);
		var menu = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Hoofdmenu"));
		assertThat(menu.getByRole(AriaRole.LINK).allTextContents()).contains("Start", "Bestuursorganen", "Wachtwoord")
			.doesNotContain("Accounts");
		assertThat(menu.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Start"))
			.getAttribute("aria-current")).isEqualTo("page");
		assertAccessible(page);
	}

	@Test
	void filteringBodiesUpdatesTheResultsInPlaceWithHtmx() {
		TestAccount coordinator = new TestAccounts(application).create(Role.COORDINATOR);
		Page page = signIn(coordinator.username(), TestAccounts.PASSWORD);
		page.navigate(url("/bodies"));
		page.evaluate("window.notReloaded = true");
		page.getByLabel("Zoek op naam of code").fill("Ouder-Am");
		page.locator("#results tbody tr").first().waitFor();
		page.waitForCondition(() -> page.locator("#results tbody tr").count() == 1);
		assertThat(page.locator("#results tbody tr").first().textContent()).contains("GM0437").contains("Noord-Holland");
		assertThat(page.evaluate("window.notReloaded")).as("no full page load").isEqualTo(true);
		assertThat(page.url()).contains("q=Ouder-Am");
		page.getByLabel("Soort").selectOption("PROVINCE");
		page.getByLabel("Zoek op naam of code").fill("");
		page.waitForCondition(() -> page.locator("#results tbody tr").count() == 12);
		assertAccessible(page);
	}

	@Test
	void theSkipLinkIsTheFirstStopAndLeadsToTheContent() {
		TestAccount supporter = new TestAccounts(application).create(Role.SUPPORTER);
		Page page = signIn(supporter.username(), TestAccounts.PASSWORD);
		page.keyboard().press("Tab");
		assertThat(page.evaluate("document.activeElement.textContent")).isEqualTo("Naar de inhoud");
		page.keyboard().press("Enter");
		assertThat(page.url()).endsWith("#main");
	}

	@Test
	void pagesFitAPhoneScreen() {
		TestAccount admin = new TestAccounts(application).create(Role.ADMIN);
		Page page = signIn(admin.username(), TestAccounts.PASSWORD);
		page.setViewportSize(375, 740);
		for (String path : new String[] { "/", "/bodies", "/admin/accounts", "/account/password" }) {
			page.navigate(url(path));
			Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
			assertThat(((Number) overflow).intValue()).as("horizontal overflow on " + path).isLessThanOrEqualTo(0);
			assertAccessible(page);
		}
	}
}
