package nl.weerbaar.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of a secret Weerbaar made itself (a token, a link, a recovery code): with 80 to 256 random bits there is
 * nothing to guess, so a fast hash is enough and lets the secret be found by its hash. Passwords, which people
 * choose, are hashed with Argon2id instead ({@link PasswordPolicy#argon2id()}).
 */
final class Hashes {

	private Hashes() {
	}

	static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
