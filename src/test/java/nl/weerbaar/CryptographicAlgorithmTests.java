package nl.weerbaar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Weerbaar uses only approved algorithms and validated libraries, and implements no cryptography of its own (ASVS
 * 5.0 V11.2.1, V11.4.1, V11.6.1): digests are SHA-2 through the JCA, MACs are HMAC-SHA-256 in the two places that
 * sign a value of their own (HMAC-SHA1 only inside the RFC 6238 generator of java-otp, as authenticator apps expect),
 * encryption and its keys come from Google Tink's AES-256-GCM template only. The class files show who calls which
 * JCA class; the source shows which algorithm name they ask for, as nothing at run time does.
 * {@code nl.weerbaar.privacy.internal.CryptographyTests} proves the AEAD itself and the random sources.
 */
class CryptographicAlgorithmTests {

	private static final Path MAIN = Path.of("src/main/java");

	private static final JavaClasses WEERBAAR = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("nl.weerbaar");

	/** The only classes that key a MAC themselves: the throttle's key hashes and the public form's signed fields. */
	private static final Set<String> MAC_USERS = Set.of("nl.weerbaar.platform.Throttles",
			"nl.weerbaar.intake.internal.PublicRouteGuard");

	/** The TOTP check hands its key to java-otp's RFC 6238 generator. */
	private static final Set<String> KEY_SPEC_USERS = Set.of("nl.weerbaar.platform.Throttles",
			"nl.weerbaar.intake.internal.PublicRouteGuard", "nl.weerbaar.security.internal.Totp");

	private static final Set<String> APPROVED = Set.of("SHA-256", "SHA-384", "SHA-512", "SHA3-256", "SHA3-512",
			"HmacSHA256", "HmacSHA384", "HmacSHA512");

	@Test
	void everyDigestAndMacIsNamedAndApproved() {
		Pattern named = Pattern.compile("(MessageDigest|Mac)\\.getInstance\\(\"([^\"]+)\"");
		Pattern anyGetInstance = Pattern.compile("(MessageDigest|Mac|Signature|Cipher|KeyGenerator|KeyPairGenerator)\\.getInstance\\(");
		List<String> asked = sources().flatMap(file -> named.matcher(read(file)).results().map(m -> m.group(2))).toList();
		assertThat(asked).as("SHA-256 for digests, HMAC-SHA-256 for MACs").isNotEmpty().allMatch(APPROVED::contains)
			.contains("SHA-256", "HmacSHA256");
		assertThat(sources().mapToLong(file -> anyGetInstance.matcher(read(file)).results().count()).sum())
			.as("no algorithm chosen at run time from a variable").isEqualTo(asked.size());
	}

	@Test
	void noMd5OrSha1AnywhereButTheRfc6238AuthenticatorCode() {
		Pattern weak = Pattern.compile("(?i)\"[^\"\\n]*\\b(md5|md4|md2|sha-?1|ripemd|hmacmd5|hmacsha1)\\b[^\"\\n]*\"|DigestUtils\\.(md5|sha1?)\\b|"
				+ "Hashing\\.(md5|sha1)\\b|\\bsha1(Hex)?\\(");
		List<String> offenders = sources().flatMap(file -> weak.matcher(read(file)).results()
			.map(m -> MAIN.relativize(file) + ": " + m.group())).toList();
		assertThat(offenders).as("only the otpauth:// URI names SHA1, for the authenticator app")
			.containsExactly("nl/weerbaar/security/internal/Totp.java: \"&algorithm=SHA1&digits=6&period=30\"");
		assertThat(read(MAIN.resolve("nl/weerbaar/security/internal/Totp.java")))
			.as("java-otp's default generator: HMAC-SHA1, 6 digits, 30 s, as RFC 6238 authenticator apps expect")
			.contains("new TimeBasedOneTimePasswordGenerator()");
	}

	@Test
	void noCipherOrMacIsBuiltByHandAndOnlyTheAllowlistKeysAMac() {
		noClasses().should().dependOnClassesThat().haveFullyQualifiedName("javax.crypto.Cipher")
			.orShould().dependOnClassesThat().haveFullyQualifiedName("javax.crypto.KeyGenerator")
			.orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.KeyPairGenerator")
			.orShould().dependOnClassesThat().haveFullyQualifiedName("javax.crypto.KeyAgreement")
			.orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.Signature")
			.orShould().dependOnClassesThat().resideInAnyPackage("org.bouncycastle.crypto.engines..",
					"org.bouncycastle.crypto.modes..", "com.google.crypto.tink.subtle..")
			.because("encryption goes through Tink's AEAD and signatures are checked by webauthn4j and Spring Security")
			.check(WEERBAAR);
		noClasses().should().beAssignableTo(java.security.Provider.class)
			.orShould().beAssignableTo(java.security.MessageDigestSpi.class)
			.orShould().beAssignableTo(javax.crypto.CipherSpi.class)
			.orShould().beAssignableTo(javax.crypto.MacSpi.class)
			.orShould().beAssignableTo(java.security.SecureRandomSpi.class)
			.because("Weerbaar implements no algorithm of its own")
			.check(WEERBAAR);
		noClasses().that(outside(MAC_USERS)).should().dependOnClassesThat().haveFullyQualifiedName("javax.crypto.Mac")
			.because("HMAC-SHA-256 is keyed in two places only").check(WEERBAAR);
		noClasses().that(outside(KEY_SPEC_USERS)).should().dependOnClassesThat()
			.haveFullyQualifiedName("javax.crypto.spec.SecretKeySpec").check(WEERBAAR);
	}

	@Test
	void encryptionKeysAreMadeOnlyFromTinksAes256GcmTemplate() {
		Pattern generated = Pattern.compile("KeysetHandle\\.(generateNew|generateEntryFromParameters)\\(([^)]*)\\)");
		List<String> templates = sources().flatMap(file -> generated.matcher(read(file)).results()
			.map(m -> file.getFileName() + " " + m.group(2))).toList();
		assertThat(templates).isNotEmpty().allMatch(t -> t.endsWith(" PredefinedAeadParameters.AES256_GCM"))
			.allMatch(t -> t.startsWith("Keyring.java") || t.startsWith("KeyEncryptionKey.java"));
		noClasses().that(outside(Set.of("nl.weerbaar.privacy.internal.Keyring", "nl.weerbaar.privacy.internal.KeyEncryptionKey")))
			.should().dependOnClassesThat().haveFullyQualifiedName("com.google.crypto.tink.KeysetHandle")
			.because("data keys and the key-encryption key are made in the privacy module only").check(WEERBAAR);
	}

	private static DescribedPredicate<JavaClass> outside(Set<String> allowed) {
		return DescribedPredicate.describe("are not in " + allowed,
				javaClass -> !allowed.contains(javaClass.getName().replaceFirst("\\$.*", "")));
	}

	private static Stream<Path> sources() {
		try (Stream<Path> files = Files.walk(MAIN)) {
			return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
