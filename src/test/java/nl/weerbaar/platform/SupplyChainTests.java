package nl.weerbaar.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V15.2.4: every component comes from the one repository expected for its kind (Maven Central, the npm registry),
 * pinned, so no other repository can offer a look-alike (dependency confusion). See docs/security/supply-chain.md.
 */
class SupplyChainTests {

	@Test
	void mavenTakesEverythingFromMavenCentralOnly() throws IOException {
		String pom = Files.readString(Path.of("pom.xml"));
		assertThat(pom).doesNotContain("<repositories>").doesNotContain("<repository>")
			.doesNotContain("<pluginRepositories>").doesNotContain("<pluginRepository>");
		assertThat(Path.of(".mvn", "settings.xml")).doesNotExist();
		assertThat(Files.readString(Path.of(".mvn", "wrapper", "maven-wrapper.properties")))
			.contains("distributionUrl=https://repo.maven.apache.org/maven2/");
	}

	@Test
	void everyFrontEndPackageIsPinnedWithItsHashAndComesFromTheNpmRegistry() throws IOException {
		assertThat(Path.of(".npmrc")).as("no other registry configured").doesNotExist();
		JsonNode lock = JsonMapper.builder().build().readTree(Path.of("package-lock.json").toFile());
		assertThat(lock.get("lockfileVersion").asInt()).isGreaterThanOrEqualTo(3);
		int packages = 0;
		for (Map.Entry<String, JsonNode> entry : lock.get("packages").properties()) {
			if (entry.getKey().isEmpty()) {
				continue; // the project itself
			}
			packages++;
			JsonNode pkg = entry.getValue();
			assertThat(pkg.has("version")).as(entry.getKey()).isTrue();
			assertThat(pkg.get("integrity").asString()).as(entry.getKey() + " integrity").startsWith("sha512-");
			if (pkg.has("resolved")) {
				assertThat(pkg.get("resolved").asString()).as(entry.getKey()).startsWith("https://registry.npmjs.org/");
			}
			assertThat(pkg.has("link")).as(entry.getKey() + " is no local link").isFalse();
		}
		assertThat(packages).isPositive();
	}
}
