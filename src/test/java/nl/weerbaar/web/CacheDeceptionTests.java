package nl.weerbaar.web;

import java.util.List;

import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No web-cache deception (ASVS 5.0 V14.2.5): a signed-in page asked for under a name that looks like a static file
 * is not served (paths match exactly, no suffix patterns), so a cache in front that keys on ".css" or ".js" gets
 * nothing of the person's; every answer to a signed-in request says no-store; only /assets/ carries a max-age, and
 * a private one.
 */
@WebTest
class CacheDeceptionTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aSignedInPathWithAStaticLookingSuffixServesNothingOfThePerson() {
		TestAccount supporter = new TestAccounts(context).create(Role.SUPPORTER);
		WebSession signedIn = new WebSession(port);
		signedIn.signIn(supporter.username(), TestAccounts.PASSWORD);
		Response cases = signedIn.get("/cases");
		assertThat(cases.status()).isEqualTo(200);
		assertThat(cases.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
		for (String path : List.of("/cases.css", "/cases/x.css", "/cases/.css", "/account/x.css",
				"/account/password.js", "/admin/accounts.css", "/api/v1/cases/abc.js", "/api/v1/bodies.js",
				"/api/v1/bodies/x.css")) {
			Response answer = signedIn.get(path);
			assertThat(answer.status()).as(path).isIn(400, 403, 404);
			assertThat(answer.body()).as(path).doesNotContain("wb-case").doesNotContain("<table");
			assertThat(answer.header("Cache-Control")).as(path)
				.hasValueSatisfying(value -> assertThat(value).contains("no-store"));
		}
		for (String path : List.of("/cases;x.css", "/cases;jsessionid=x.css", "/cases/%2e%2e/assets/favicon.svg",
				"/cases%2Fx.css", "/assets/../cases")) {
			Response refused = signedIn.get(path);
			assertThat(refused.status()).as(path + ": refused by the firewall before any handler").isEqualTo(400);
			assertThat(refused.body()).as(path).doesNotContain(supporter.username()).doesNotContain("<table");
		}
		Response api = signedIn.get("/api/v1/bodies");
		assertThat(api.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
	}

	@Test
	void onlyThePublicAssetsCarryAMaxAgeAndAPrivateOne() {
		Response stylesheet = new WebSession(port).get("/assets/favicon.svg");
		assertThat(stylesheet.status()).isEqualTo(200);
		assertThat(stylesheet.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value)
			.contains("max-age=3600").doesNotContain("no-store").doesNotContain("public"));
		for (String path : List.of("/login", "/hulp", "/account/setup", "/no-such-page.css", "/assets/no-such-file.css")) {
			Response answer = new WebSession(port).get(path);
			assertThat(answer.header("Cache-Control")).as(path)
				.hasValueSatisfying(value -> assertThat(value).contains("no-store").doesNotContain("max-age=3600"));
		}
	}
}
