package nl.weerbaar.privacy.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the key-encryption key is kept by default: apart from the database's files (ASVS V13.3.1). */
@ExtendWith(OutputCaptureExtension.class)
class KeyLocationTests {

	@ParameterizedTest
	@ValueSource(strings = { "", "demo" })
	void theDefaultKeyFileIsNeverInsideTheDataDirectoryNorBesideItUnderData(String profile) throws IOException {
		StandardEnvironment environment = settings(profile);
		Path dataDir = Path.of(environment.getProperty("weerbaar.database.data-dir")).toAbsolutePath().normalize();
		Path kek = Path.of(environment.getProperty("weerbaar.privacy.kek-file")).toAbsolutePath().normalize();
		Path adminPassword = Path.of(environment.getProperty("weerbaar.security.first-admin-password-file")).toAbsolutePath()
			.normalize();
		assertThat(kek.startsWith(dataDir)).as(kek + " inside " + dataDir).isFalse();
		assertThat(kek.startsWith(dataDir.getParent())).as(kek + " under " + dataDir.getParent()).isFalse();
		assertThat(adminPassword.startsWith(dataDir.getParent())).as(adminPassword + " under " + dataDir.getParent()).isFalse();
		assertThat(kek).isEqualTo(Path.of("keys", profile.isEmpty() ? "weerbaar" : profile, "kek.json").toAbsolutePath());
	}

	@Test
	void aFreshInstallationMakesItsKeyAtTheDefaultPlaceReadableByItsOwnerOnly(@TempDir Path home) throws Exception {
		StandardEnvironment environment = settings("");
		Path kek = home.resolve(environment.getProperty("weerbaar.privacy.kek-file")).normalize();
		Path legacy = home.resolve(environment.getProperty("weerbaar.privacy.legacy-kek-file")).normalize();

		KeyEncryptionKey key = new KeyEncryptionKey(new PrivacyProperties(kek, legacy, null), new MockEnvironment());

		assertThat(key.file()).isEqualTo(kek);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kek))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kek.getParent()))).isEqualTo("rwx------");
		assertThat(legacy).doesNotExist();
		assertThat(home.resolve("data")).as("nothing of the key under ./data").doesNotExist();
	}

	@Test
	void anInstallationFromBeforeKeepsUsingItsKeyAtTheLegacyPlaceWithAWarning(@TempDir Path home, CapturedOutput output)
			throws Exception {
		Path legacy = home.resolve("data/weerbaar-keys/kek.json");
		long original = new KeyEncryptionKey(new PrivacyProperties(legacy, null, null), new MockEnvironment()).primaryKeyId();
		Path kek = home.resolve("keys/weerbaar/kek.json");

		KeyEncryptionKey key = new KeyEncryptionKey(new PrivacyProperties(kek, legacy, null), new MockEnvironment());

		assertThat(key.primaryKeyId()).as("the same key, not a new one over data it cannot open").isEqualTo(original);
		assertThat(key.file()).isEqualTo(legacy);
		assertThat(kek).doesNotExist();
		assertThat(output.getOut()).contains("legacy place " + legacy).contains("Move it to " + kek);
	}

	private static StandardEnvironment settings(String profile) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
		if (!profile.isEmpty()) {
			for (PropertySource<?> source : loader.load(profile, new ClassPathResource("application-" + profile + ".yml"))) {
				environment.getPropertySources().addLast(source);
			}
		}
		for (PropertySource<?> source : loader.load("application", new ClassPathResource("application.yml"))) {
			environment.getPropertySources().addLast(source);
		}
		return environment;
	}
}
