package nl.weerbaar.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
class ResponseHeaderTests {

	private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private WebSession admin;

	@BeforeEach
	void signIn() {
		admin = new WebSession(port);
		admin.signIn(new TestAccounts(context).create(Role.ADMIN).username(), TestAccounts.PASSWORD);
	}

	@Test
	void everyPageHasAContentSecurityPolicyWithAFreshNonceThatItsScriptCarries() {
		Response first = admin.get("/");
		Response second = admin.get("/");
		String firstNonce = nonce(first);
		assertThat(firstNonce).isNotEqualTo(nonce(second));
		assertThat(first.body()).contains("nonce=\"" + firstNonce + "\"");
		String policy = first.header("Content-Security-Policy").orElseThrow();
		assertThat(policy).contains("frame-ancestors 'none'").contains("object-src 'none'").doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		assertThat(new WebSession(port).get("/login").header("Content-Security-Policy")).isPresent();
	}

	@Test
	void signedInPagesAreNeverStored() {
		assertThat(admin.get("/bodies").header("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
		assertThat(admin.get("/api/v1/bodies").header("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
	}

	@Test
	void pagesCannotBeFramed() {
		assertThat(admin.get("/").header("X-Frame-Options")).contains("DENY");
	}

	@Test
	void theCsrfTokenIsInAMetaTagAndAcceptedAsTheXCsrfTokenHeader() {
		Response page = admin.get("/admin/accounts/new");
		assertThat(page.body()).contains("<meta name=\"_csrf\" content=\"").contains("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\"");
		String token = admin.csrfToken();
		Map<String, String> form = Map.of("username", "htmx-" + System.nanoTime(), "displayName", "Via htmx", "roles", "ANALYST");
		assertThat(admin.postRaw("/admin/accounts", form).status()).as("no token").isEqualTo(403);
		assertThat(admin.postRaw("/admin/accounts", form, "X-CSRF-TOKEN", token).status()).as("token in header").isEqualTo(200);
	}

	@Test
	void aRequestWithoutTokenToTheApiIsRefusedAsProblemJson() {
		admin.get("/");
		Response refused = admin.request("POST", "/api/v1/bodies");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
	}

	@Test
	void speaksDutchFirstAndEnglishOnRequest() {
		assertThat(admin.get("/").body()).contains("<html lang=\"nl\"").contains("Uitloggen");
		assertThat(admin.get("/?lang=en").body()).contains("<html lang=\"en\"").contains("Sign out");
		assertThat(admin.get("/").body()).as("the choice is remembered").contains("Sign out");
		assertThat(admin.get("/?lang=nl").body()).contains("Uitloggen");
	}

	@Test
	void theSessionCookieIsSecureWhenTheSiteIsServedOverHttps() throws Exception {
		HttpClient browser = HttpClient.newHttpClient();
		HttpResponse<String> behindTlsProxy = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("X-Forwarded-Proto", "https")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(sessionCookie(behindTlsProxy, "__Host-WEERBAAR_SESSION=")).containsIgnoringCase("; Secure")
			.containsIgnoringCase("HttpOnly");
		HttpResponse<String> plain = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(sessionCookie(plain, "WEERBAAR_SESSION=")).as("a local run over http keeps working").doesNotContainIgnoringCase("Secure");
	}

	@Test
	void theApiDescriptionIsForStaffOnly() {
		assertThat(admin.get("/v3/api-docs").status()).isEqualTo(200);
		TestAccounts accounts = new TestAccounts(context);
		for (Role outsider : new Role[] { Role.CLIENT, Role.PARTNER }) {
			WebSession browser = new WebSession(port);
			browser.signIn(accounts.create(outsider).username(), TestAccounts.PASSWORD);
			assertThat(browser.get("/").status()).as(outsider + " is signed in").isEqualTo(200);
			assertThat(browser.get("/v3/api-docs").status()).as(outsider.name()).isEqualTo(403);
			assertThat(browser.get("/v3/api-docs/swagger-config").status()).as(outsider.name()).isEqualTo(403);
		}
	}

	private static String sessionCookie(HttpResponse<String> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith(name))
			.findFirst()
			.orElseThrow();
	}

	private static String nonce(Response response) {
		Matcher matcher = NONCE.matcher(response.header("Content-Security-Policy").orElseThrow());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}
}
