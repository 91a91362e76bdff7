package nl.weerbaar.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestPasskey;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server tells the browser and how it treats requests from elsewhere: the session id and its cookie, the
 * headers only HTTPS responses carry, the isolation headers, the Fetch Metadata check, the Content-Security-Policy's
 * report endpoint, and the small things (nosniff, charsets, methods, cookie sizes). HTTPS is played the way a TLS
 * proxy on loopback sends it ({@code X-Forwarded-Proto: https}, trusted in the tests as in a deployment that names
 * its proxy), which gives {@code request.isSecure()} as direct TLS does.
 */
@WebTest
@ExtendWith(OutputCaptureExtension.class)
class BrowserProtectionTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	private TestAccounts accounts;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(context);
	}

	@Test
	void sessionIdsCarryTwoHundredSixteenRandomBitsAndAreNeverUuids() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			WebSession browser = new WebSession(port);
			browser.get("/login");
			ids.add(WebSession.sessionIdOf(browser.sessionId().orElseThrow()));
		}
		WebSession signedIn = new WebSession(port);
		signedIn.signIn(accounts.create(Role.COORDINATOR).username(), TestAccounts.PASSWORD);
		// the id a sign-in (password, then passkey) ends up with is made the same way
		ids.add(WebSession.sessionIdOf(signedIn.sessionId().orElseThrow()));
		assertThat(ids).hasSize(21).allSatisfy(id -> {
			assertThat(id).hasSize(36).matches("[A-Za-z0-9_-]{36}")
				.doesNotMatch("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
			assertThat(Base64.getUrlDecoder().decode(id)).as("27 random bytes").hasSize(27);
		});
		// every one of the 216 bit positions varies over these ids: none is fixed, as a UUID's version and variant are
		byte[] or = new byte[27];
		byte[] and = new byte[27];
		java.util.Arrays.fill(and, (byte) 0xff);
		for (String id : ids) {
			byte[] bytes = Base64.getUrlDecoder().decode(id);
			for (int i = 0; i < 27; i++) {
				or[i] |= bytes[i];
				and[i] &= bytes[i];
			}
		}
		int varying = 0;
		for (int i = 0; i < 27; i++) {
			varying += Integer.bitCount((or[i] & ~and[i]) & 0xff);
		}
		assertThat(varying).as("bits that vary between ids").isGreaterThanOrEqualTo(128);
	}

	@Test
	void overHttpsTheSessionCookieIsHostPrefixedAndASignInWorksWithIt() throws Exception {
		String client = accounts.create(Role.CLIENT).username();
		HttpResponse<String> login = https("GET", "/login", null, null);
		String cookie = setCookie(login, "__Host-WEERBAAR_SESSION");
		assertThat(cookie).contains("; Path=/").containsIgnoringCase("; Secure").containsIgnoringCase("; HttpOnly")
			.contains("SameSite=Lax").doesNotContainIgnoringCase("Domain=");
		assertThat(login.headers().allValues("Set-Cookie")).as("no unprefixed session cookie over HTTPS")
			.noneMatch(value -> value.startsWith("WEERBAAR_SESSION="));
		Matcher csrf = CSRF.matcher(login.body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> signedIn = https("POST", "/login", valueOf(cookie),
				"username=" + URLEncoder.encode(client, StandardCharsets.UTF_8) + "&password="
						+ URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		String pending = valueOf(setCookie(signedIn, "__Host-WEERBAAR_SESSION"));
		// the second step, with the test account's passkey, over HTTPS as well
		HttpResponse<String> factorPage = https("GET", "/login/factor", pending, null);
		Matcher meta = CSRF_META.matcher(factorPage.body());
		assertThat(meta.find()).as("the factor page carries its CSRF token").isTrue();
		HttpResponse<String> options = httpsJson("/login/factor/passkey/options", pending, meta.group(1), "{}");
		assertThat(options.statusCode()).isEqualTo(200);
		TestPasskey passkey = TestAccounts.passkeyOf(client).orElseThrow();
		HttpResponse<String> completed = httpsJson("/login/factor/passkey", pending, meta.group(1),
				WebSession.passkeyAnswer(passkey.assertion(options.body(), "https://localhost"), null));
		assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
		String session = valueOf(setCookie(completed, "__Host-WEERBAAR_SESSION"));
		assertThat(setCookie(completed, "__Host-WEERBAAR_BROWSER")).as("the known-browser cookie too")
			.containsIgnoringCase("; Secure").contains("Path=/").containsIgnoringCase("HttpOnly")
			.doesNotContainIgnoringCase("Domain=");
		HttpResponse<String> home = https("GET", "/", session, null);
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Uitloggen");
		assertThat(https("GET", "/", session.replace("__Host-", ""), null).statusCode())
			.as("over HTTPS only the prefixed cookie counts").isEqualTo(302);
	}

	@Test
	void httpsResponsesCarryHstsForAYearWithSubdomainsAndPlainHttpOnesDoNot() throws Exception {
		assertThat(https("GET", "/login", null, null).headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000").contains("includeSubDomains")
				.doesNotContain("preload"));
		assertThat(https("GET", "/api/v1/bodies", null, null).headers().firstValue("Strict-Transport-Security"))
			.as("the API too").isPresent();
		assertThat(new WebSession(port).get("/login").header("Strict-Transport-Security"))
			.as("a browser ignores it over HTTP; a local run is not pinned to HTTPS").isEmpty();
	}

	@Test
	void theLanguageCookieIsHttpOnlyLaxAndHostPrefixedOverHttps() throws Exception {
		Response plain = new WebSession(port).get("/login?lang=en");
		String cookie = plain.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap(e -> e.getValue().stream()).filter(v -> v.startsWith("WEERBAAR_LANG=")).findFirst().orElseThrow();
		assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Lax").doesNotContainIgnoringCase("Secure");
		HttpResponse<String> english = https("GET", "/login?lang=en", null, null);
		assertThat(setCookie(english, "__Host-WEERBAAR_LANG")).containsIgnoringCase("; Secure").contains("Path=/")
			.containsIgnoringCase("HttpOnly").contains("SameSite=Lax").doesNotContainIgnoringCase("Domain=");
		assertThat(https("GET", "/login", valueOf(setCookie(english, "__Host-WEERBAAR_LANG")), null).body())
			.as("the choice is read back over HTTPS").contains("<html lang=\"en\"");
	}

	@Test
	void pagesAndTheApiCarryTheIsolationAndNoSniffHeaders() {
		WebSession admin = new WebSession(port);
		admin.signIn(accounts.create(Role.ADMIN).username(), TestAccounts.PASSWORD);
		Response page = admin.get("/bodies");
		Response api = admin.get("/api/v1/bodies");
		Response problem = admin.get("/api/v1/office-holders/not-an-id");
		Response anonymous = new WebSession(port).get("/login");
		for (Response response : List.of(page, api, problem, anonymous)) {
			assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
			assertThat(response.header("Referrer-Policy")).contains("same-origin");
			assertThat(response.header("Cross-Origin-Opener-Policy")).contains("same-origin");
			assertThat(response.header("Cross-Origin-Resource-Policy")).contains("same-origin");
		}
		assertThat(page.header("Content-Type")).hasValueSatisfying(
				type -> assertThat(type.toLowerCase()).isEqualTo("text/html;charset=utf-8"));
		assertThat(problem.status()).isEqualTo(400);
		// JSON is UTF-8 by definition (RFC 8259) and has no charset parameter
		assertThat(problem.header("Content-Type")).contains("application/problem+json");
		assertThat(api.header("Content-Type")).contains("application/json");
	}

	@Test
	void theAuditExportIsAnAttachmentWithAFixedNameInUtf8() {
		WebSession admin = new WebSession(port);
		admin.signIn(accounts.create(Role.ADMIN).username(), TestAccounts.PASSWORD);
		Response csv = admin.get("/admin/audit/export.csv?actor=" + java.util.UUID.randomUUID());
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).hasValueSatisfying(
				type -> assertThat(type.toLowerCase()).isEqualTo("text/csv;charset=utf-8"));
		assertThat(csv.header("Content-Disposition"))
			.hasValueSatisfying(value -> assertThat(value).matches("attachment; filename=\"weerbaar-audit-\\d{4}-\\d{2}-\\d{2}\\.csv\""));
		assertThat(csv.header("X-Content-Type-Options")).contains("nosniff");
	}

	@Test
	void theContentSecurityPolicyForbidsBaseAndNamesItsReportEndpoint() {
		Response login = new WebSession(port).get("/login");
		assertThat(login.header("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
			.contains("base-uri 'none'").contains("report-uri /csp-reports").contains("report-to csp"));
		assertThat(login.header("Reporting-Endpoints")).contains("csp=\"/csp-reports\"");
	}

	@Test
	void cspReportsAreTakenSmallLoggedWithoutAddressesAndThrottled(CapturedOutput output) throws Exception {
		String legacy = """
				{"csp-report": {"document-uri": "http://localhost/office-holders?q=Marieke+de+Vries",
				"referrer": "", "violated-directive": "script-src-elem", "effective-directive": "script-src-elem",
				"original-policy": "default-src 'self'", "blocked-uri": "https://evil.example/steal?who=Marieke",
				"status-code": 200, "script-sample": "Marieke"}}""";
		assertThat(report("application/csp-report", legacy).statusCode()).isEqualTo(204);
		String batch = """
				[{"type": "csp-violation", "age": 10, "url": "http://localhost/requests?q=Jansen", "user_agent": "x",
				"body": {"documentURL": "http://localhost/requests?q=Jansen", "effectiveDirective": "style-src-attr",
				"blockedURL": "inline", "sample": "Jansen", "disposition": "enforce"}}]""";
		assertThat(report("application/reports+json", batch).statusCode()).isEqualTo(204);
		assertThat(output.getAll())
			.contains("Content-Security-Policy violation: directive=script-src-elem blocked=https://evil.example")
			.contains("Content-Security-Policy violation: directive=style-src-attr blocked=inline")
			.doesNotContain("Marieke").doesNotContain("Jansen").doesNotContain("steal");

		StringBuilder many = new StringBuilder("[");
		for (int i = 1; i <= 7; i++) {
			many.append(i > 1 ? "," : "").append("{\"type\": \"csp-violation\", \"body\": {\"effectiveDirective\": ")
				.append("\"img-src\", \"blockedURL\": \"https://host").append(i).append(".example/x\"}}");
		}
		assertThat(report("application/reports+json", many.append("]").toString()).statusCode()).isEqualTo(204);
		assertThat(output.getAll()).as("a batch is logged a few violations at most")
			.contains("blocked=https://host5.example").doesNotContain("host6.example").doesNotContain("host7.example")
			.contains("Content-Security-Policy violations: 2 more in the same report");

		assertThat(report("application/csp-report", "{\"csp-report\": {\"x\": \"" + "a".repeat(9000) + "\"}}")
			.statusCode()).as("at most 8 KiB").isEqualTo(413);
		assertThat(report("application/csp-report", "not json").statusCode()).isEqualTo(400);

		List<Integer> answers = new ArrayList<>();
		for (int i = 0; i < 200 && !answers.contains(429); i++) {
			answers.add(report("application/csp-report", legacy).statusCode());
		}
		assertThat(answers).as("a flood is cut off").contains(429);
	}

	@Test
	void anotherSitesPageCannotEmbedOrCallSignedInResourcesButItsLinksStillWork() {
		WebSession coordinator = new WebSession(port);
		coordinator.signIn(accounts.create(Role.COORDINATOR).username(), TestAccounts.PASSWORD);
		String[] image = { "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors", "Sec-Fetch-Dest", "image" };
		String[] script = { "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors", "Sec-Fetch-Dest", "script" };
		String[] fetch = { "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "empty" };
		String[] frame = { "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "iframe" };
		String[] link = { "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document" };
		String[] own = { "Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "empty" };
		assertThat(get(coordinator, "/api/v1/support-requests", image).status()).isEqualTo(403);
		assertThat(get(coordinator, "/requests", script).status()).isEqualTo(403);
		assertThat(get(coordinator, "/api/v1/support-requests", fetch).status()).isEqualTo(403);
		assertThat(get(coordinator, "/requests", frame).status()).isEqualTo(403);
		assertThat(get(coordinator, "/requests", link).status()).as("a link from an e-mail or another site").isEqualTo(200);
		assertThat(get(coordinator, "/api/v1/support-requests", own).status()).isEqualTo(200);
		assertThat(get(coordinator, "/requests").status()).as("no Fetch Metadata: an older browser").isEqualTo(200);
		coordinator.get("/requests");
		Response crossSitePost = coordinator.post("/logout", Map.of(), "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode",
				"navigate", "Sec-Fetch-Dest", "document");
		assertThat(crossSitePost.status()).as("a form posted from another site").isEqualTo(403);
		assertThat(get(coordinator, "/requests").status()).as("still signed in").isEqualTo(200);
	}

	@Test
	void traceAndUnknownMethodsAreRefused() {
		WebSession admin = new WebSession(port);
		admin.signIn(accounts.create(Role.ADMIN).username(), TestAccounts.PASSWORD);
		for (String path : List.of("/", "/bodies", "/api/v1/bodies", "/login")) {
			assertThat(admin.request("TRACE", path).status()).as("TRACE " + path).isEqualTo(405);
			// Spring Security's firewall rejects a method outside HTTP's standard set before anything else
			assertThat(admin.request("PROPFIND", path).status()).as("PROPFIND " + path).isEqualTo(400);
		}
		assertThat(admin.request("DELETE", "/api/v1/bodies").status()).as("an unsupported method of a known path")
			.isIn(403, 405);
	}

	@Test
	void theCookiesStayFarBelowFourKilobytes() throws Exception {
		WebSession browser = new WebSession(port);
		Response answer = browser.signIn(accounts.create(Role.ADMIN).username(), TestAccounts.PASSWORD);
		assertThat(answer.status()).isEqualTo(302);
		Response lang = browser.get("/?lang=en");
		List<String> cookies = new ArrayList<>(lang.headers().entrySet().stream()
			.filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie")).flatMap(e -> e.getValue().stream()).toList());
		cookies.add("WEERBAAR_SESSION=" + browser.sessionId().orElseThrow());
		cookies.add(setCookie(https("GET", "/login", null, null), "__Host-WEERBAAR_SESSION"));
		assertThat(cookies).hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy(cookie -> assertThat(cookie.split(";")[0].getBytes(StandardCharsets.UTF_8).length)
				.as(cookie).isLessThan(200));
	}

	private Response get(WebSession session, String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(session.base() + path)).GET()
			.header("Accept", "text/html,application/json");
		if (headers.length > 0) {
			request.headers(headers);
		}
		return session.send(request);
	}

	private HttpResponse<String> report(String type, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/csp-reports"))
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A request as a TLS proxy in front of Weerbaar forwards it. */
	private HttpResponse<String> https(String method, String path, String cookie, String form) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-Forwarded-Proto", "https")
			.header("Accept", "text/html");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.method(method, HttpRequest.BodyPublishers.ofString(form));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> httpsJson(String path, String cookie, String csrf, String json) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-Forwarded-Proto", "https")
			.header("Cookie", cookie)
			.header("X-CSRF-TOKEN", csrf)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String setCookie(HttpResponse<String> response, String name) {
		return response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith(name + "="))
			.findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in "
					+ response.headers().allValues("Set-Cookie").stream().collect(Collectors.joining(" | "))));
	}

	/** The name=value part of a Set-Cookie, as the browser sends it back. */
	private static String valueOf(String setCookie) {
		return setCookie.split(";")[0];
	}
}
