package nl.weerbaar.security.internal;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * What makes a password acceptable: 12 to 128 characters (counted as characters people type, not bytes), and not
 * the username. Returns a message key so that the form shows the reason next to the field, in the user's language.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 12;
	public static final int MAX_LENGTH = 128;

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordPolicy() {
	}

	/** The reason a password is refused, as a message key; empty when it is acceptable. */
	public static Optional<String> check(String password, String username) {
		if (password == null || password.isBlank()) {
			return Optional.of("password.required");
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("password.tooLong");
		}
		if (username != null && password.equalsIgnoreCase(username)) {
			return Optional.of("password.sameAsUsername");
		}
		return Optional.empty();
	}

	/** A random password of 20 unambiguous characters (about 115 bits), for first and bootstrap sign-ins. */
	public static String generate() {
		StringBuilder password = new StringBuilder(24);
		for (int i = 0; i < 20; i++) {
			if (i > 0 && i % 5 == 0) {
				password.append('-');
			}
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}
