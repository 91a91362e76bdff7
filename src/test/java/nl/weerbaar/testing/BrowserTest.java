package nl.weerbaar.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browser tests: the application on a random port, Debian's Chromium driven by Playwright (no browser
 * download), a sign-in helper, and an axe-core check that fails on any WCAG 2.1 A or AA violation. Pages also must
 * not trip the Content-Security-Policy.
 */
@WebTest
// a guard against a hung browser driver (CI would otherwise wait for its overall limit), not a speed check
@Timeout(value = 3, unit = TimeUnit.MINUTES)
public abstract class BrowserTest {

	/** Where Debian's package puts Chromium; {@code CHROMIUM_PATH} overrides it. */
	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

	private static Playwright playwright;
	private static Browser browser;

	@LocalServerPort
	protected int port;

	@Autowired
	protected ApplicationContext applicationContext;

	protected BrowserContext context;
	protected final List<String> consoleErrors = new ArrayList<>();

	@BeforeAll
	static void launchChromium() {
		if (!Files.isExecutable(CHROMIUM)) {
			throw new IllegalStateException("Browser tests need Chromium at " + CHROMIUM
					+ ": install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.");
		}
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	@AfterAll
	static void closeChromium() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void newBrowserContext() {
		context = browser.newContext(new Browser.NewContextOptions().setLocale("nl-NL"));
		consoleErrors.clear();
	}

	@AfterEach
	void closeBrowserContext() {
		context.close();
	}

	protected Page newPage() {
		Page page = context.newPage();
		page.onConsoleMessage(message -> {
			// an error page's own status (403, 404) is reported as a console error; it is what the test asked for
			boolean documentStatus = message.text().startsWith("Failed to load resource")
					&& message.location() != null && message.location().startsWith(page.url());
			if ("error".equals(message.type()) && !documentStatus) {
				consoleErrors.add(message.text());
			}
		});
		return page;
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	/**
	 * Signs in through the login page; when asked for a second factor, with a passkey of the account's own in
	 * Chromium's virtual authenticator (WebAuthn over the DevTools protocol), as a person would with theirs.
	 */
	protected Page signIn(String username, String password) {
		Page page = newPage();
		page.navigate(url("/login"));
		page.getByLabel("Gebruikersnaam").fill(username);
		page.getByLabel("Wachtwoord").fill(password);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Inloggen")).click();
		page.waitForURL(address -> address.endsWith("/") || address.contains("/login/factor"));
		if (page.url().contains("/login/factor")) {
			TestAccounts accounts = new TestAccounts(applicationContext);
			addVirtualPasskey(page, accounts.addPasskey(accounts.idOf(username)));
			page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Bevestigen met passkey")).click();
			page.waitForURL(url("/"));
		}
		return page;
	}

	/** A virtual platform authenticator in this page's Chromium holding the passkey's private key. */
	protected void addVirtualPasskey(Page page, TestPasskey passkey) {
		CDPSession devtools = context.newCDPSession(page);
		devtools.send("WebAuthn.enable", json(Map.of("enableUI", false)));
		JsonObject authenticator = devtools.send("WebAuthn.addVirtualAuthenticator", json(Map.of("options",
				Map.of("protocol", "ctap2", "transport", "internal", "hasResidentKey", true, "hasUserVerification", true,
						"isUserVerified", true, "automaticPresenceSimulation", true))));
		devtools.send("WebAuthn.addCredential", json(Map.of("authenticatorId",
				authenticator.get("authenticatorId").getAsString(), "credential",
				Map.of("credentialId", java.util.Base64.getEncoder().encodeToString(passkey.credentialId()),
						"isResidentCredential", false, "rpId", "localhost", "privateKey", passkey.privateKeyPkcs8(),
						"signCount", 0))));
	}

	/** An empty virtual authenticator, for a page that registers a new passkey. */
	protected void addVirtualAuthenticator(Page page) {
		CDPSession devtools = context.newCDPSession(page);
		devtools.send("WebAuthn.enable", json(Map.of("enableUI", false)));
		devtools.send("WebAuthn.addVirtualAuthenticator", json(Map.of("options", Map.of("protocol", "ctap2",
				"transport", "internal", "hasResidentKey", true, "hasUserVerification", true, "isUserVerified", true,
				"automaticPresenceSimulation", true))));
	}

	private static JsonObject json(Map<String, ?> value) {
		return new Gson().toJsonTree(value).getAsJsonObject();
	}

	/** Runs axe-core on the page as it is now and fails with the rule, its help and the elements involved. */
	protected void assertAccessible(Page page) {
		AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
		String violations = results.getViolations()
			.stream()
			.map(rule -> rule.getId() + " (" + rule.getHelp() + "): "
					+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
			.collect(Collectors.joining("\n"));
		assertThat(violations).as("WCAG 2.1 A/AA violations on " + page.url()).isEmpty();
		assertThat(consoleErrors).as("console errors (e.g. Content-Security-Policy) on " + page.url()).isEmpty();
	}
}
