package nl.weerbaar;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Debug modes are off in what is shipped (ASVS 5.0 V13.4.2): no Spring Boot DevTools in the build or on the class
 * path, no debug or trace switch, templates cached, error answers without exception or stack trace (a failing
 * handler: {@code nl.weerbaar.web.UnexpectedErrorTests}), and the actuator shows an administrator metrics and the
 * bill of materials only: no environment, heap or thread dump, configuration, beans, mappings or loggers to read
 * or change.
 */
@WebTest
class DebugModeTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Environment environment;

	@Test
	void devToolsAreNeitherDeclaredNorOnTheClassPath() throws Exception {
		NodeList artifacts = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"))
			.getElementsByTagName("artifactId");
		List<String> declared = new ArrayList<>();
		for (int i = 0; i < artifacts.getLength(); i++) {
			declared.add(artifacts.item(i).getTextContent().strip());
		}
		assertThat(declared).contains("spring-boot-starter-webmvc", "spring-boot-starter-actuator")
			.noneMatch(artifact -> artifact.contains("devtools") || artifact.contains("h2-console"));
		assertThat(System.getProperty("java.class.path").split(File.pathSeparator))
			.as("the whole test class path, a superset of the runtime one").isNotEmpty()
			.noneMatch(entry -> Path.of(entry).getFileName().toString().contains("devtools"));
		assertThatThrownBy(() -> Class.forName("org.springframework.boot.devtools.restart.Restarter"))
			.isInstanceOf(ClassNotFoundException.class);
	}

	@Test
	void noDebugOrTraceSwitchIsOnAndErrorsCarryNoDetail() {
		assertThat(environment.getProperty("debug", Boolean.class, false)).isFalse();
		assertThat(environment.getProperty("trace", Boolean.class, false)).isFalse();
		assertThat(environment.getProperty("spring.thymeleaf.cache", Boolean.class)).isTrue();
		assertThat(environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
		assertThat(environment.getProperty("server.error.include-message")).isEqualTo("never");
		assertThat(environment.getProperty("server.error.include-exception", Boolean.class, false)).isFalse();
		assertThat(environment.getProperty("server.error.whitelabel.enabled", Boolean.class)).isFalse();
		WebSession anonymous = new WebSession(port);
		for (Response answer : List.of(anonymous.get("/assets/no-such-file.css"), anonymous.postRaw("/hulp", Map.of("x", "y")),
				anonymous.request("GET", "/api/v1/no-such-resource"), anonymous.request("TRACE", "/"))) {
			assertThat(answer.status()).isBetween(400, 499);
			assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at nl.weerbaar")
				.doesNotContain("\"trace\"").doesNotContain("org.springframework");
		}
	}

	@Test
	void theActuatorShowsAnAdministratorNoEnvironmentDumpsBeansMappingsOrLoggers() {
		WebSession admin = new WebSession(port);
		admin.signIn(new TestAccounts(context).create(Role.ADMIN).username(), TestAccounts.PASSWORD);
		Response index = admin.request("GET", "/actuator");
		assertThat(index.status()).isEqualTo(200);
		@SuppressWarnings("unchecked")
		Map<String, Object> links = (Map<String, Object>) tools.jackson.databind.json.JsonMapper.builder().build()
			.readValue(index.body(), Map.class).get("_links");
		assertThat(links.keySet()).allMatch(link -> link.equals("self") || link.startsWith("health") || link.startsWith("info")
				|| link.startsWith("metrics") || link.equals("prometheus") || link.startsWith("sbom"));
		for (String endpoint : List.of("env", "heapdump", "threaddump", "configprops", "beans", "mappings", "loggers",
				"loggers/ROOT", "conditions", "scheduledtasks", "caches", "shutdown", "logfile", "startup", "httpexchanges",
				"flyway", "sessions", "quartz", "auditevents", "integrationgraph")) {
			assertThat(admin.request("GET", "/actuator/" + endpoint).status()).as(endpoint).isEqualTo(404);
		}
		assertThat(admin.postJson("/actuator/loggers/ROOT", "{\"configuredLevel\":\"TRACE\"}").status()).isEqualTo(404);
		assertThat(admin.postJson("/actuator/shutdown", "{}").status()).isEqualTo(404);
	}
}
