package nl.weerbaar.security.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.nulabinc.zxcvbn.Zxcvbn;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What makes a password acceptable: 12 to 128 characters (counted as characters people type, not bytes), not the
 * username, not one of the 30,000 most common passwords, and not guessable in fewer than 10^8 tries. The list and
 * the estimate are zxcvbn4j's (the list is Xato's, of passwords seen in breaches); the estimate also catches a common
 * word with digits added ({@code password1234}, {@code welkom123456}), and is given the words of this site
 * ({@code security/context-words.txt}: burgemeester, wethouder, weerbaar, …) and the username as words of its own, so
 * that {@code Burgemeester2026!} is refused too. Returns a message key so that the form shows
 * the reason next to the field, in the user's language.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 12;
	public static final int MAX_LENGTH = 128;

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	private static final SecureRandom RANDOM = new SecureRandom();
	private static final String COMMON_LIST = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";
	private static final double MIN_GUESSES_LOG10 = 8;
	private static final Zxcvbn STRENGTH = new Zxcvbn();
	private static final Set<String> COMMON = load();
	private static final String CONTEXT_LIST = "/security/context-words.txt";
	/** The context-specific words, documented in docs/security/authentication.md. */
	static final List<String> CONTEXT_WORDS = loadContextWords();

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
		List<String> words = new ArrayList<>(CONTEXT_WORDS);
		if (username != null) {
			words.add(username);
		}
		if (COMMON.contains(password.toLowerCase(Locale.ROOT))
				|| STRENGTH.measure(password, words).getGuessesLog10() < MIN_GUESSES_LOG10) {
			return Optional.of("password.common");
		}
		return Optional.empty();
	}

	private static List<String> loadContextWords() {
		try (var in = PasswordPolicy.class.getResourceAsStream(CONTEXT_LIST)) {
			if (in == null) {
				throw new IllegalStateException("the context-specific word list is missing from the class path");
			}
			return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT))
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Set<String> load() {
		Set<String> common = new HashSet<>(40_000);
		try (var in = PasswordPolicy.class.getResourceAsStream(COMMON_LIST)) {
			if (in == null) {
				throw new IllegalStateException("the common-password list is missing from the class path");
			}
			new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty())
				.forEach(line -> common.add(line.toLowerCase(Locale.ROOT)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Set.copyOf(common);
	}

	/**
	 * How passwords are hashed: Argon2id with the OWASP-recommended minimum of 19 MiB memory, 2 iterations and 1 lane;
	 * 16-byte salt, 32-byte hash. {@code bench/jmh.sh PasswordHash} measures what that costs per sign-in.
	 */
	public static PasswordEncoder argon2id() {
		return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
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
