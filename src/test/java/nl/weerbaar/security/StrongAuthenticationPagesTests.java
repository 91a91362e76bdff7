package nl.weerbaar.security;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.weerbaar.testing.BrowserTest;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.TestTotp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enrolment and the second step in a real browser: Chromium's virtual authenticator (WebAuthn over the DevTools
 * protocol) makes and uses a passkey through the page's own script, and axe checks every page on the way.
 */
class StrongAuthenticationPagesTests extends BrowserTest {

	@Test
	void aCoordinatorEnrolsAPasskeyAfterTheFirstPasswordSignInAndSignsInWithItNextTime() {
		TestAccount coordinator = new TestAccounts(applicationContext).createWithoutFactor(Role.COORDINATOR);
		Page page = newPage();
		addVirtualAuthenticator(page);
		passwordStep(page, coordinator.username());
		page.waitForURL(url("/account/factors/setup"));
		assertAccessible(page);

		page.getByText("Naam van de passkey aanpassen").click();
		page.getByLabel("Naam van deze passkey").fill("Werklaptop");
		button(page, "Deze telefoon of computer gebruiken").click();
		page.waitForURL(url("/account/factors/recovery-codes"));
		assertThat(page.locator("#recovery-codes li").count()).isEqualTo(10);
		assertAccessible(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ik heb de codes bewaard")).click();
		page.waitForURL(url("/"));

		page.navigate(url("/account/factors"));
		assertThat(page.getByText("Werklaptop").isVisible()).isTrue();
		assertAccessible(page);

		button(page, "Uitloggen").click();
		page.waitForURL(url("/login?logout"));
		passwordStep(page, coordinator.username());
		page.waitForURL(url("/login/factor"));
		assertAccessible(page);
		button(page, "Bevestigen met passkey").click();
		page.waitForURL(url("/"));
		page.navigate(url("/requests"));
		assertThat(page.url()).isEqualTo(url("/requests"));
	}

	@Test
	void aSupporterEnrolsAnAuthenticatorAppWithItsQrCode() {
		TestAccount supporter = new TestAccounts(applicationContext).createWithoutFactor(Role.SUPPORTER);
		Page page = newPage();
		page.setViewportSize(390, 844);
		passwordStep(page, supporter.username());
		page.waitForURL(url("/account/factors/setup"));
		button(page, "App instellen").click();
		page.waitForURL(url("/account/factors/setup/totp"));
		assertThat(page.locator("svg.wb-qr").isVisible()).isTrue();
		assertAccessible(page);
		String key = page.locator("#totp-secret").textContent();
		TestTotp app = new TestTotp(key);

		page.getByLabel("Code uit de app (6 cijfers)").fill("000000".equals(app.code()) ? "111111" : "000000");
		button(page, "Code bevestigen").click();
		page.waitForURL(url("/account/factors/setup/totp/confirmation"));
		var field = page.getByLabel("Code uit de app (6 cijfers)");
		assertThat(page.locator("#totp-code-error").textContent()).as("the problem, next to the field")
			.contains("Die code klopt niet");
		assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(field.getAttribute("aria-describedby")).startsWith("totp-code-error");
		assertThat(page.evaluate("document.activeElement.id")).as("the field has the focus").isEqualTo("totp-code");
		assertThat(page.locator("#totp-secret").textContent()).as("the same key: nothing to scan again").isEqualTo(key);
		assertAccessible(page);
		field.fill(app.code());
		button(page, "Code bevestigen").click();
		page.waitForURL(url("/account/factors/recovery-codes"));
		assertThat(page.locator("#recovery-codes li").count()).isEqualTo(10);
	}

	@Test
	void aClientOnAPhoneIsLedToMakeAPasskeyAfterTheFirstSignInAndThenReachesTheirPage() {
		TestAccount client = new TestAccounts(applicationContext).createWithoutFactor(Role.CLIENT);
		Page page = newPage();
		page.setViewportSize(360, 740);
		addVirtualAuthenticator(page);
		passwordStep(page, client.username());
		page.waitForURL(url("/account/factors/setup"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Nog één stap: beveilig uw account"))
			.isVisible()).isTrue();
		assertThat(page.getByText("Een wachtwoord alleen kan iemand raden of stelen").isVisible()).as("why, in plain words")
			.isTrue();
		var passkey = button(page, "Deze telefoon of computer gebruiken");
		var app = button(page, "App instellen");
		assertThat(passkey.boundingBox().y).as("the passkey leads, the app comes second")
			.isLessThan(app.boundingBox().y);
		assertThat(passkey.boundingBox().width).as("one big button across the phone").isGreaterThan(300);
		assertThat(passkey.boundingBox().height).isGreaterThanOrEqualTo(44);
		assertFitsTheScreen(page);
		assertAccessible(page);

		passkey.click();
		page.waitForURL(url("/account/factors/recovery-codes"));
		assertThat(page.locator("#recovery-codes li").count()).isEqualTo(10);
		assertFitsTheScreen(page);
		assertAccessible(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ik heb de codes bewaard")).click();
		page.waitForURL(url("/"));
		page.navigate(url("/my/requests"));
		assertThat(page.url()).isEqualTo(url("/my/requests"));
		assertFitsTheScreen(page);
		assertAccessible(page);
	}

	private static void assertFitsTheScreen(Page page) {
		assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
			.as("no sideways scrolling at 360 px on " + page.url()).isLessThanOrEqualTo(360);
	}

	@Test
	void theSessionAndTokenPagesWorkAndPassAxe() {
		TestAccount analyst = new TestAccounts(applicationContext).create(Role.ANALYST);
		Page page = signIn(analyst.username(), TestAccounts.PASSWORD);
		page.navigate(url("/account/sessions"));
		assertThat(page.getByText("Deze sessie").isVisible()).isTrue();
		assertAccessible(page);
		page.navigate(url("/account/tokens"));
		assertAccessible(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nieuw token")).click();
		page.waitForURL(url("/account/tokens/new"));
		assertAccessible(page);
		page.getByLabel("Naam").fill("Rapportage-script");
		button(page, "Token maken").click();
		assertThat(page.locator("#token-secret").textContent()).startsWith("wb_");
		assertAccessible(page);
		page.navigate(url("/account/tokens"));
		assertThat(page.getByText("Rapportage-script").isVisible()).isTrue();
	}

	@Test
	void anAdministratorMakesAnIntegrationWithItsTokenAndASetUpLink() {
		TestAccounts accounts = new TestAccounts(applicationContext);
		TestAccount admin = accounts.create(Role.ADMIN);
		TestAccount supporter = accounts.create(Role.SUPPORTER);
		Page page = signIn(admin.username(), TestAccounts.PASSWORD);
		page.navigate(url("/admin/accounts/new"));
		page.getByLabel("Gebruikersnaam").fill("ccv-systeem-" + System.nanoTime() % 100000);
		page.getByLabel("Naam", new Page.GetByLabelOptions().setExact(true)).fill("CCV-systeem");
		page.getByLabel("Partnerorganisatie").check();
		page.getByLabel("Koppeling met een ander systeem").check();
		assertAccessible(page);
		button(page, "Account aanmaken").click();
		assertThat(page.locator("#initial-password").count()).as("an integration gets no password").isZero();
		assertAccessible(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Naar het account")).click();
		page.getByLabel("Naam", new Page.GetByLabelOptions().setExact(true)).last().fill("Verwijzingen ophalen");
		assertAccessible(page);
		button(page, "Token maken").click();
		assertThat(page.locator("#token-secret").textContent()).startsWith("wb_");

		page.navigate(url("/admin/accounts/" + supporter.id()));
		assertAccessible(page);
		button(page, "Set-up-link aanvragen").click();
		assertThat(page.getByText("Een andere beheerder moet dit binnen 24 uur goedkeuren").isVisible()).isTrue();
		assertThat(page.getByText("Een andere beheerder beslist hierover.").isVisible()).isTrue();
		assertAccessible(page);
		button(page, "Uitloggen").click();

		// a second administrator approves; without a notification address, they alone see the link
		page = signIn(accounts.create(Role.ADMIN).username(), TestAccounts.PASSWORD);
		page.navigate(url("/admin/approvals"));
		assertAccessible(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
			.setName("Goedkeuren: Set-up-link voor een nieuw wachtwoord voor " + supporter.username())).click();
		String link = page.locator("#setup-link").textContent();
		assertThat(link).contains("/account/setup?token=");
		assertAccessible(page);
		page.navigate(link);
		assertThat(page.getByText(supporter.username()).isVisible()).isTrue();
		assertAccessible(page);
	}

	@Test
	void theSignInAndSetUpLinkPagesPassAxe() {
		Page page = newPage();
		page.navigate(url("/login"));
		assertAccessible(page);
		page.navigate(url("/account/setup?token=not-a-real-token"));
		assertThat(page.getByText("Deze link werkt niet").isVisible()).isTrue();
		assertAccessible(page);
	}

	private void passwordStep(Page page, String username) {
		page.navigate(url("/login"));
		page.getByLabel("Gebruikersnaam").fill(username);
		page.getByLabel("Wachtwoord").fill(TestAccounts.PASSWORD);
		button(page, "Inloggen").click();
	}

	private static com.microsoft.playwright.Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}
}
