package nl.weerbaar.web;

import java.net.URI;
import java.net.http.HttpRequest;

import nl.weerbaar.security.PathAuthorizations;
import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fault nobody foresaw (here: handlers that only throw, added for this test) gives the generic error page or problem
 * detail, never the exception, its message or a stack trace; it is logged in full, and the application carries on
 * (ASVS 5.0 V16.5.1, V16.5.4). A mail server that is down (nothing listens on port 9 here) does not stop the work that
 * would have sent mail (V16.5.2).
 */
@WebTest
@Import(UnexpectedErrorTests.FailingHandlers.class)
@TestPropertySource(properties = "spring.mail.port=9")
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedErrorTests {

	/** Stands for what an exception may carry: a query, a secret, a name. */
	static final String INTERNALS = "select secret from kek where person = 'Jansen'";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aPageThatFailsShowsTheGenericErrorPageAndTheApplicationCarriesOn(CapturedOutput output) {
		WebSession browser = signedIn();

		Response failed = browser.get("/test/failing-page");

		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(failed.body()).contains("Er ging bij ons iets mis")
			.doesNotContain(INTERNALS, "Jansen", "IllegalStateException", "nl.weerbaar", "at java.");
		assertThat(output).as("the log keeps what the person is not shown, with its stack trace")
			.contains("IllegalStateException", "at nl.weerbaar.web.UnexpectedErrorTests$FailingPage.fail");
		assertThat(browser.get("/").status()).as("the same person carries on").isEqualTo(200);
	}

	@Test
	void anApiCallThatFailsGetsAProblemDetailWithoutTheException(CapturedOutput output) {
		WebSession browser = signedIn();

		Response failed = browser.send(HttpRequest.newBuilder(URI.create(browser.base() + "/api/v1/test/failing"))
			.header("Accept", "application/json")
			.GET());

		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
		assertThat(failed.body()).contains("500")
			.doesNotContain(INTERNALS, "Jansen", "IllegalStateException", "nl.weerbaar", "trace", "at java.");
		assertThat(output).contains("IllegalStateException", "at nl.weerbaar.web.UnexpectedErrorTests$FailingApi.fail");
		assertThat(browser.get("/api/v1/bodies?size=1").status()).as("the API carries on").isEqualTo(200);
	}

	@Test
	void aPasswordChangeStandsWhenTheMailServerIsDownAndTheFailureIsLoggedWithoutTheAddress(CapturedOutput output) {
		TestAccounts.TestAccount account = new TestAccounts(context).create(Role.SUPPORTER);
		String address = account.username() + "@example.org";
		WebSession browser = new WebSession(port);
		browser.signIn(account.username(), TestAccounts.PASSWORD);
		browser.get("/account");
		assertThat(browser.post("/account/notification-email", java.util.Map.of("notificationEmail", address)).location())
			.endsWith("/account");

		browser.get("/account/password");
		Response changed = browser.post("/account/password", java.util.Map.of("currentPassword", TestAccounts.PASSWORD,
				"newPassword", "a new password for a down mail server", "confirmation", "a new password for a down mail server"));

		assertThat(changed.location()).as("the change is made and the person carries on").endsWith("/");
		assertThat(new WebSession(port).signIn(account.username(), "a new password for a down mail server").location())
			.endsWith("/");
		assertThat(output).as("the notice that could not go out is logged, by account id")
			.contains("could not be sent")
			.contains(account.id().toString())
			.doesNotContain(address);
	}

	private WebSession signedIn() {
		WebSession browser = new WebSession(port);
		browser.signIn(new TestAccounts(context).create(Role.COORDINATOR).username(), TestAccounts.PASSWORD);
		return browser;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FailingHandlers {

		@Bean
		PathAuthorizations failingPaths() {
			return paths -> paths.requestMatchers("/test/**", "/api/v1/test/**").authenticated();
		}

		@Bean
		FailingPage failingPage() {
			return new FailingPage();
		}

		@Bean
		FailingApi failingApi() {
			return new FailingApi();
		}
	}

	@Controller
	static class FailingPage {

		@GetMapping("/test/failing-page")
		String fail() {
			throw new IllegalStateException(INTERNALS);
		}
	}

	@RestController
	static class FailingApi {

		@GetMapping("/api/v1/test/failing")
		String fail() {
			throw new IllegalStateException(INTERNALS);
		}
	}
}
