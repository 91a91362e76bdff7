package nl.weerbaar.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
