package nl.weerbaar;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(WeerbaarApplication.class);

	@Test
	void modulesOnlyUseEachOthersApis() {
		modules.verify();
	}

	@Test
	void theFoundationModulesExist() {
		assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
			.contains("platform", "security", "registry", "web");
	}

	@Test
	void writesModuleDocumentation() throws java.io.IOException {
		Documenter documenter = new Documenter(modules);
		documenter.writeDocumentation();
		java.nio.file.Path docs = java.nio.file.Path.of("target", "spring-modulith-docs");
		try (var files = java.nio.file.Files.list(docs)) {
			assertThat(files.map(file -> file.getFileName().toString())).contains("components.puml", "module-privacy.puml",
					"module-audit.puml");
		}
	}
}
