package nl.weerbaar.intake.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import nl.weerbaar.platform.SlowHashes;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Receipt codes of the public route: 20 random digits (66 bits), stored only as an Argon2id hash (19 MiB, 2 passes,
 * the password parameters). The salt is one per installation rather than one per code, so that a typed code finds
 * its request with a single hash: with 66 bits of randomness per code a shared salt gives an attacker with the
 * database nothing to gain from precomputation.
 */
@Component
class ReceiptCodes {

	static final int DIGITS = 20;

	private final SecureRandom random = new SecureRandom();
	private final JdbcClient jdbc;
	private volatile byte[] salt;

	private final SlowHashes slowHashes;

	ReceiptCodes(JdbcClient jdbc, SlowHashes slowHashes) {
		this.jdbc = jdbc;
		this.slowHashes = slowHashes;
	}

	String newCode() {
		StringBuilder code = new StringBuilder(DIGITS);
		for (int i = 0; i < DIGITS; i++) {
			code.append(random.nextInt(10));
		}
		return code.toString();
	}

	/** The code as typed, with spaces and dashes removed; null when it cannot be a code. */
	static String normalise(String typed) {
		if (typed == null) {
			return null;
		}
		String digits = typed.replaceAll("[\\s\\-.]", "");
		return digits.matches("\\d{" + DIGITS + "}") ? digits : null;
	}

	/** The code's hash; a bounded number at a time, like passwords. */
	String hash(String code) {
		return slowHashes.run(() -> argon2id(code));
	}

	private String argon2id(String code) {
		Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withSalt(salt())
			.withMemoryAsKB(19 * 1024)
			.withIterations(2)
			.withParallelism(1)
			.build();
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(parameters);
		byte[] hash = new byte[32];
		generator.generateBytes(code.getBytes(StandardCharsets.US_ASCII), hash);
		return Base64.getEncoder().withoutPadding().encodeToString(hash);
	}

	private byte[] salt() {
		if (salt == null) {
			salt = jdbc.sql("select receipt_salt from intake_secret where id = 1").query(byte[].class).single();
		}
		return salt;
	}
}
