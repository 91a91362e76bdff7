package nl.weerbaar.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V13.4: what the web tier gives away besides the application. Static files are only the allowlisted kinds under
 * /assets (the test class path adds a style sheet, which is served, beside a source map, backups, a text file, an archive
 * and a hidden file, which are not); no directory listing, no TRACE, no source-control or configuration files, and no
 * server name or version in headers or error pages.
 */
@WebTest
class InformationLeakTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void onlyAllowlistedKindsOfStaticFileAreServed() {
		WebSession anonymous = new WebSession(port);
		assertThat(anonymous.get("/assets/probe.css").status()).isEqualTo(200);
		assertThat(anonymous.get("/assets/favicon.svg").status()).isEqualTo(200);
		for (String leak : new String[] { "/assets/probe.css.map", "/assets/probe.css.bak",
				"/assets/leak.txt", "/assets/backup.zip", "/assets/.env", "/assets/PROBE.CSS.MAP" }) {
			Response response = anonymous.get(leak);
			assertThat(response.status()).as(leak).isEqualTo(404);
			assertThat(response.body()).as(leak).doesNotContain("secret-source").doesNotContain("left behind")
				.doesNotContain("never")
				.doesNotContain("PK");
		}
	}

	@Test
	void directoriesAreNotListed() {
		WebSession anonymous = new WebSession(port);
		for (String directory : new String[] { "/assets/", "/assets", "/assets/./" }) {
			Response response = anonymous.get(directory);
			assertThat(response.status()).as(directory).isNotEqualTo(200);
			// the not-found page names the layout's own assets, never the folder's files
			assertThat(response.body()).as(directory).doesNotContain("probe.css").doesNotContain("leak.txt");
		}
	}

	@Test
	void sourceControlBuildAndConfigurationFilesAreNotServedEvenToAnAdministrator() {
		WebSession admin = new WebSession(port);
		admin.signIn(new TestAccounts(context).create(Role.ADMIN).username(), TestAccounts.PASSWORD);
		for (WebSession session : new WebSession[] { new WebSession(port), admin }) {
			for (String path : new String[] { "/.git/config", "/.git/HEAD", "/.env", "/application.yml",
					"/config/application.properties", "/META-INF/MANIFEST.MF", "/BOOT-INF/classes/application.yml",
					"/WEB-INF/web.xml", "/static/assets/favicon.svg", "/messages.properties", "/db/migration/V1__init.sql",
					"/assets/../application.yml", "/assets/%2e%2e/application.yml", "/pom.xml" }) {
				Response response = session.get(path);
				assertThat(response.status()).as(path).isIn(302, 400, 403, 404);
				assertThat(response.body()).as(path).doesNotContain("spring:").doesNotContain("[core]")
					.doesNotContain("Manifest-Version").doesNotContain("<svg");
			}
		}
	}

	@Test
	void traceIsNotSupported() {
		WebSession anonymous = new WebSession(port);
		assertThat(anonymous.request("TRACE", "/login").status()).isEqualTo(405);
		assertThat(anonymous.request("TRACE", "/api/v1/bodies").status()).isEqualTo(405);
		assertThat(anonymous.request("TRACE", "/assets/favicon.svg").status()).isEqualTo(405);
	}

	@Test
	void noServerNameOrVersionInHeadersOrErrorPages() throws IOException {
		WebSession anonymous = new WebSession(port);
		for (String path : new String[] { "/login", "/assets/favicon.svg", "/assets/missing.css", "/api/v1/bodies" }) {
			Response response = anonymous.get(path);
			assertThat(response.header("Server")).as(path).isEmpty();
			assertThat(response.header("X-Powered-By")).as(path).isEmpty();
			assertThat(response.body()).as(path).doesNotContainIgnoringCase("tomcat").doesNotContain("Spring Boot");
		}
		// a request Tomcat itself refuses, before the application sees it: its own error page must not name it either
		String refused = raw("GET /login?x=| HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(refused).startsWith("HTTP/1.1 400");
		assertThat(refused).doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("\nServer:")
			.doesNotContainIgnoringCase("X-Powered-By");
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}
}
