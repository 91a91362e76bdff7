package nl.weerbaar.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser over real HTTP, without JavaScript: keeps cookies, does not follow redirects (tests look at
 * them), and sends the CSRF token of the last page it read with every form it posts.
 */
public final class WebSession {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private static final Pattern TOTP_SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");
	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	private final String base;
	private final CookieManager cookies = new CookieManager();
	private final HttpClient client;
	private String csrf;

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

		public Optional<String> header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.flatMap(entry -> entry.getValue().stream())
				.findFirst();
		}

		public String location() {
			return header("Location").orElse("");
		}
	}

	/** A GET as a browser sends it (it accepts HTML first). */
	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", BROWSER_ACCEPT).GET(), true);
	}

	/** A GET as htmx sends it: the page answers with a fragment. */
	public Response getFragment(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").header("HX-Request", "true").GET(),
				false);
	}

	/** Posts a form with the CSRF token of the last page read (as a browser does), with extra headers if given. */
	public Response post(String path, Map<String, String> form, String... headers) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		if (csrf != null) {
			fields.putIfAbsent("_csrf", csrf);
		}
		return postRaw(path, fields, headers);
	}

	/** Posts a form whose fields may repeat (as checkboxes send them), with the CSRF token of the last page read. */
	public Response postFields(String path, java.util.List<Map.Entry<String, String>> fields) {
		java.util.List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
		if (csrf != null) {
			all.add(Map.entry("_csrf", csrf));
		}
		String body = all.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), true);
	}

	/** Posts a form exactly as given: no token added. */
	public Response postRaw(String path, Map<String, String> form, String... headers) {
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request, true);
	}

	/** Any method, no body, no token: what a script probing the server would send. */
	public Response request(String method, String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()),
				false);
	}

	/** JSON to the API with the CSRF token as header, as a script in the page (htmx) sends it. */
	public Response postJson(String path, String json) {
		return sendJson("POST", path, json);
	}

	public Response postCsv(String path, String csv) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "text/csv")
			.header("X-CSRF-TOKEN", csrf == null ? "" : csrf)
			.POST(HttpRequest.BodyPublishers.ofString(csv)), false);
	}

	/** A file uploaded from a page's form (multipart), with the CSRF token of the last page read as a form field. */
	public Response postFile(String path, String field, String fileName, String contentType, byte[] content) {
		String boundary = "----weerbaar" + System.nanoTime();
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + (csrf == null ? "" : csrf)
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", BROWSER_ACCEPT)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
					HttpRequest.BodyPublishers.ofByteArray(content), HttpRequest.BodyPublishers.ofString(tail))), true);
	}

	/** Sends a request as built (for bodies of unknown length), with this session's cookies and CSRF token. */
	public Response send(HttpRequest.Builder request) {
		return send(request.header("X-CSRF-TOKEN", csrf == null ? "" : csrf), false);
	}

	public Response putJson(String path, String json) {
		return sendJson("PUT", path, json);
	}

	private Response sendJson(String method, String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", csrf == null ? "" : csrf)
			.method(method, HttpRequest.BodyPublishers.ofString(json)), false);
	}

	/**
	 * Signs in through the login form and, when the account has a {@link TestAccounts} passkey and is asked for its
	 * second factor, with that passkey too. Returns where the sign-in sends the browser: the answer to the form post,
	 * or after the passkey a redirect to where the server said to go.
	 */
	public Response signIn(String username, String password) {
		Response answer = signInWithPasswordOnly(username, password);
		var passkey = TestAccounts.passkeyOf(username);
		if (answer.status() != 302 || !answer.location().endsWith("/login/factor") || passkey.isEmpty()) {
			return answer;
		}
		return completeWithPasskey(passkey.get());
	}

	/** Only the password step of a sign-in: the answer to the form post. */
	public Response signInWithPasswordOnly(String username, String password) {
		get("/login");
		return post("/login", Map.of("username", username, "password", password));
	}

	/** The second step with a passkey: the server's options, the passkey's assertion, and where to go next. */
	public Response completeWithPasskey(TestPasskey passkey) {
		get("/login/factor");
		Response options = postJson("/login/factor/passkey/options", "{}");
		if (options.status() != 200) {
			return options;
		}
		Response answer = postJson("/login/factor/passkey", passkeyAnswer(passkey.assertion(options.body(), base), null));
		if (answer.status() != 200) {
			return answer;
		}
		String next = (String) JSON.readValue(answer.body(), Map.class).get("redirect");
		return new Response(302, Map.of("location", java.util.List.of(next)), "");
	}

	/**
	 * Enrols an authenticator app right after a first password sign-in (the enrolment page), which completes the
	 * sign-in; returns the app, whose codes the test may use later.
	 */
	public TestTotp enrolTotp() {
		get("/account/factors/setup");
		Response setup = post("/account/factors/setup/totp", Map.of());
		Matcher secret = TOTP_SECRET.matcher(setup.body());
		if (!secret.find()) {
			throw new IllegalStateException("no TOTP key on the enrolment page: " + setup.status());
		}
		TestTotp app = new TestTotp(secret.group(1));
		Response confirmed = post("/account/factors/setup/totp/confirmation", Map.of("code", app.code()));
		if (!confirmed.location().endsWith("/account/factors/recovery-codes")) {
			throw new IllegalStateException("enrolment not confirmed: " + confirmed.status() + " " + confirmed.location());
		}
		return app;
	}

	/** The JSON body the passkey buttons post: the credential as WebAuthn's JSON, and an optional name. */
	public static String passkeyAnswer(String credentialJson, String label) {
		java.util.Map<String, String> body = new java.util.HashMap<>();
		body.put("credential", credentialJson);
		body.put("label", label);
		return JSON.writeValueAsString(body);
	}

	public String base() {
		return base;
	}

	public String csrfToken() {
		return csrf;
	}

	public Optional<String> sessionId() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals("WEERBAAR_SESSION"))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	/** Replaces this browser's session cookie, as someone would who copied another one (a stolen or old cookie). */
	public void useSessionCookie(String value) {
		cookies.getCookieStore().removeAll();
		HttpCookie cookie = new HttpCookie("WEERBAAR_SESSION", value);
		cookie.setPath("/");
		cookie.setVersion(0);
		cookies.getCookieStore().add(URI.create(base), cookie);
	}

	/** The session id a session cookie carries (the cookie holds it in base64). */
	public static String sessionIdOf(String cookie) {
		return new String(java.util.Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
	}

	private Response send(HttpRequest.Builder request, boolean readToken) {
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (readToken) {
				remember(response.body());
			}
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private void remember(String body) {
		Matcher meta = CSRF_META.matcher(body);
		Matcher input = CSRF_INPUT.matcher(body);
		if (meta.find()) {
			csrf = meta.group(1);
		}
		else if (input.find()) {
			csrf = input.group(1);
		}
	}
}
