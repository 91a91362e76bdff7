package nl.weerbaar.matching;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch solver's native library loads from the packaged jar ({@code java -jar}), not only from the classes on a
 * test class path: runs {@code matching-check} against the built jar (after {@code package}, in {@code verify}).
 */
class PackagedJarIT {

	@Test
	void theBatchSolverWorksFromThePackagedJar() throws IOException, InterruptedException {
		Path jar = Path.of("target", "weerbaar.jar");
		assertThat(jar).exists();
		Path data = Files.createTempDirectory("weerbaar-it");
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "matching-check",
				"--weerbaar.database.data-dir=" + data.resolve("db"), "--weerbaar.secrets-dir=" + data.resolve("keys"),
				"--logging.level.root=WARN"))
			.redirectErrorStream(true)
			.start();
		boolean ended = process.waitFor(3, TimeUnit.MINUTES);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(ended).as(output).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("matching-check: OK");
	}
}
