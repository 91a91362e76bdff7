package nl.weerbaar.security;

import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
@ActiveProfiles("demo")
@TestPropertySource(properties = "WEERBAAR_DEMO_PASSWORD=demo password for tests")
class DemoAccountsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@ParameterizedTest
	@ValueSource(strings = { "demo-coordinator", "demo-supporter", "demo-client", "demo-partner", "demo-analyst", "demo-admin", "demo-admin-2" })
	void everyDemoAccountSignsInWithThePasswordFromTheEnvironmentAndSeesTheDemoBanner(String username) {
		WebSession browser = new WebSession(port);
		assertThat(browser.signIn(username, "demo password for tests").location())
			.as("a demo account skips the second factor").endsWith("/");
		String home = browser.get("/").body();
		assertThat(home).contains("class=\"wb-demo-banner\"").contains("DEMO")
			.contains("De demo-accounts loggen in zonder tweede factor");
	}

	@Test
	void anyOtherAccountInTheDemoStillNeedsItsSecondFactor() {
		TestAccount coordinator = new TestAccounts(context).createWithoutFactor(Role.COORDINATOR);
		assertThat(new WebSession(port).signInWithPasswordOnly(coordinator.username(), TestAccounts.PASSWORD).location())
			.endsWith("/login/factor");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/bodies", "/account/password", "/no-such-page" })
	void theBannerIsOnEveryPage(String path) {
		WebSession browser = new WebSession(port);
		browser.signIn("demo-analyst", "demo password for tests");
		assertThat(browser.get(path).body()).contains("class=\"wb-demo-banner\"");
	}

	@Test
	void theBannerIsOnTheLoginPageToo() {
		assertThat(new WebSession(port).get("/login").body()).contains("class=\"wb-demo-banner\"");
	}
}
