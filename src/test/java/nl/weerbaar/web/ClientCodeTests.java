package nl.weerbaar.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Weerbaar's own browser code puts text on the page only as text (ASVS 5.0 V3.2.2) and runs no strings as code: no
 * HTML sinks, no eval. The server's templates use th:text (escaped) everywhere, but for the QR code of an
 * authenticator app, an SVG the server draws itself (ZXing) from the key it made.
 */
class ClientCodeTests {

	private static final Pattern SINKS = Pattern.compile(
			"\\.innerHTML|\\.outerHTML|insertAdjacentHTML|document\\.write|\\beval\\s*\\(|new\\s+Function\\s*\\(|"
					+ "setTimeout\\s*\\(\\s*['\"`]|setInterval\\s*\\(\\s*['\"`]|createContextualFragment|\\.srcdoc");

	@Test
	void theFrontEndWritesTextOnlyAndEvaluatesNothing() throws IOException {
		List<Path> scripts;
		try (Stream<Path> files = Files.list(Path.of("frontend"))) {
			scripts = files.filter(file -> file.toString().endsWith(".js") || file.toString().endsWith(".mjs")).toList();
		}
		assertThat(scripts).isNotEmpty();
		for (Path script : scripts) {
			assertThat(SINKS.matcher(Files.readString(script)).results().map(m -> m.group()).toList())
				.as(script.toString()).isEmpty();
		}
		assertThat(Files.readString(Path.of("frontend/weerbaar.js"))).contains(".textContent =");
	}

	/**
	 * No DOM clobbering (ASVS 5.0 V3.2.3): the script finds elements only by getElementById/querySelector, never
	 * through the names the browser puts on window and document for ids and names, so markup with a chosen id cannot
	 * stand in for a variable. What it reads from window and document is a fixed list of Web APIs; every binding is
	 * const or let; the source is an ES module (strict mode by the language) bundled as an IIFE, so it leaves no
	 * global name behind but window.htmx.
	 */
	@Test
	void theFrontEndReadsNoElementThroughImplicitGlobalsAndDeclaresWithConstOrLet() throws IOException {
		Set<String> webApis = Set.of("window.htmx", "window.sessionStorage", "window.localStorage", "window.confirm",
				"window.location", "window.PublicKeyCredential", "window.addEventListener", "document.addEventListener",
				"document.getElementById", "document.querySelector", "document.querySelectorAll",
				"document.createElement", "document.createTextNode", "document.body", "document.documentElement",
				"document.readyState", "document.activeElement");
		Pattern globalRead = Pattern.compile("\\b(window|document|self|globalThis|top|parent|frames)\\s*(\\.\\s*[A-Za-z_$][\\w$]*|\\[)");
		String script = Files.readString(Path.of("frontend/weerbaar.js"));
		List<String> read = globalRead.matcher(script).results().map(m -> m.group().replaceAll("\\s", "")).toList();
		assertThat(read).isNotEmpty().allMatch(webApis::contains);
		assertThat(Pattern.compile("\\bvar\\s|^\\s*function\\s", Pattern.MULTILINE).matcher(script).find())
			.as("const/let only, no hoisted names").isFalse();
		Pattern assigned = Pattern.compile("(?m)^\\s*([A-Za-z_$][\\w$]*)\\s*([-+*/]?=)(?![=>])");
		assertThat(assigned.matcher(script).results().map(m -> m.group(1)).toList())
			.as("every name assigned to is declared with let, none becomes a global")
			.allMatch(name -> Pattern.compile("\\blet\\s+" + Pattern.quote(name) + "\\b").matcher(script).find());
		assertThat(script).as("an ES module: strict mode").containsPattern("(?m)^import .* from '[^']+';$");
		assertThat(Files.readString(Path.of("frontend/build.mjs"))).as("bundled as an IIFE: no top-level names on window")
			.contains("entryPoints: { weerbaar: 'frontend/weerbaar.js' }").contains("format: 'iife'");
	}

	@Test
	void noTemplateWritesUnescapedTextButTheServersOwnQrCode() throws IOException {
		Pattern unescaped = Pattern.compile("th:utext=\"[^\"]*\"");
		List<String> found;
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			found = templates.filter(file -> file.toString().endsWith(".html")).flatMap(file -> {
				try {
					return unescaped.matcher(Files.readString(file)).results().map(m -> file.getFileName() + " " + m.group());
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}).toList();
		}
		assertThat(found).containsExactly("totp-setup.html th:utext=\"${totp.qrSvg}\"");
	}

	@Test
	void htmxIsToldToEvaluateNothingAndKeepNoCopies() throws IOException {
		String layout = Files.readString(Path.of("src/main/resources/templates/web/layout.html"));
		assertThat(layout).contains("\"allowEval\":false").contains("\"allowScriptTags\":false")
			.contains("\"selfRequestsOnly\":true").contains("\"historyCacheSize\":0").contains("<body hx-history=\"false\"");
	}
}
