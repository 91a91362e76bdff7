package nl.weerbaar.privacy.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import nl.weerbaar.privacy.FieldLocation;
import nl.weerbaar.privacy.PersonalData;
import nl.weerbaar.privacy.SubjectId;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cryptography the inventory (docs/security/crypto.md) promises: AES-256-GCM for sealed values and for wrapping
 * the data keys (ASVS V11.3.1, V11.3.2), random values from a CSPRNG only (V11.5.1), secrets compared in constant time
 * (V11.2.4). The last two read the source, as nothing at run time shows which generator or comparison was used.
 */
@WebTest
class CryptographyTests {

	private static final Path MAIN = Path.of("src/main/java");

	@Autowired
	KeyEncryptionKey kek;

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theKeyEncryptionKeyIsAes256GcmInEveryVersion() throws Exception {
		KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(kek.file()), InsecureSecretKeyAccess.get());
		assertThat(keyset.size()).isPositive();
		for (int i = 0; i < keyset.size(); i++) {
			assertThat(keyset.getAt(i).getKey().getParameters()).isEqualTo(PredefinedAeadParameters.AES256_GCM);
		}
	}

	@Test
	void eachDataKeyIsAes256GcmAndWrappedByTheKekWithItsPersonBoundIn() throws Exception {
		SubjectId person = new SubjectId(UUID.randomUUID());
		byte[] sealed = personalData.seal(person, new FieldLocation("office_holder", "phone", "row-1"), "+31 6 1234 5678");
		byte[] wrapped = jdbc.sql("select wrapped from keyring.data_key where subject_id = ?").param(person.value())
			.query(byte[].class).single();

		KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek.wrapping(), associatedData(person));
		assertThat(dataKey.getPrimary().getKey().getParameters()).isEqualTo(PredefinedAeadParameters.AES256_GCM);
		assertThatThrownBy(() -> TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek.wrapping(),
				associatedData(new SubjectId(UUID.randomUUID())))).isInstanceOf(GeneralSecurityException.class);
		// Tink's AES-GCM: 5 bytes of key prefix, a 12-byte random IV, the ciphertext, a 16-byte tag
		assertThat(sealed).hasSize(5 + 12 + "+31 6 1234 5678".getBytes(StandardCharsets.UTF_8).length + 16);
		byte[] again = personalData.seal(person, new FieldLocation("office_holder", "phone", "row-1"), "+31 6 1234 5678");
		assertThat(again).as("a fresh IV each time").isNotEqualTo(sealed);
	}

	@Test
	void randomValuesComeFromSecureRandomOnlyAndItIsNeverSeeded() throws IOException {
		Pattern weak = Pattern.compile("new Random\\(|Math\\.random\\(|ThreadLocalRandom|new SplittableRandom|\\.setSeed\\(|new SecureRandom\\([^)]");
		List<String> offenders = sources()
			// the synthetic demo data is deterministic on purpose (a seeded java.util.Random) and holds no secret
			.filter(file -> !file.getFileName().toString().startsWith("Demo"))
			.filter(file -> weak.matcher(read(file)).find())
			.map(Path::toString)
			.toList();
		assertThat(offenders).isEmpty();
		assertThat(sources().filter(file -> read(file).contains("new SecureRandom()")).count())
			.as("tokens, codes, nonces and passwords are drawn from SecureRandom").isGreaterThanOrEqualTo(8);
	}

	@Test
	void secretsAndMacsAreComparedInConstantTime() throws IOException {
		Pattern variableTime = Pattern.compile("Arrays\\.equals\\([^;]*(?i:hash|mac|digest|token|code|secret|key)|new String\\([^)]*\\)\\.equals\\(|(?i:(mac|hash|digest|signature|code))\\.equals\\(");
		List<String> offenders = sources().filter(file -> variableTime.matcher(read(file)).find()).map(Path::toString).toList();
		assertThat(offenders).isEmpty();
		for (String comparing : List.of("intake/internal/PublicRouteGuard.java", "security/internal/Totp.java", "audit/AuditTrail.java")) {
			assertThat(read(MAIN.resolve("nl/weerbaar").resolve(comparing))).contains("MessageDigest.isEqual(");
		}
	}

	private static byte[] associatedData(SubjectId subject) {
		return ("weerbaar-data-key-v1\u001f" + subject).getBytes(StandardCharsets.UTF_8);
	}

	private static Stream<Path> sources() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
