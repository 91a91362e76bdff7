package nl.weerbaar.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TOTP rules on a fixed clock (no waiting): the window is one 30-second step either side of the server's own
 * time, and nothing else; each step is used once; keys and recovery codes come from the CSPRNG at full length.
 */
class TotpTests {

	/** The RFC 6238 test key (SHA-1) and a server time in the middle of a step. */
	private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
	private static final Instant SERVER_TIME = Instant.parse("2026-12-02T12:00:15Z");
	private static final long CURRENT_STEP = SERVER_TIME.getEpochSecond() / 30;

	@Test
	void codesAreThoseOfRfc6238() {
		assertThat(Totp.matchingStep(RFC_KEY, "287082", Instant.ofEpochSecond(59), 0)).hasValue(1);
		assertThat(Totp.matchingStep(RFC_KEY, "081804", Instant.ofEpochSecond(1111111109), 0)).hasValue(37037036);
	}

	@Test
	void aCodeIsAcceptedOneStepEitherSideOfTheServerClockAndNotTwo() {
		for (int offset = -1; offset <= 1; offset++) {
			assertThat(Totp.matchingStep(RFC_KEY, codeOfStep(CURRENT_STEP + offset), SERVER_TIME, 0))
				.as("step %d", offset).hasValue(CURRENT_STEP + offset);
		}
		for (int offset : new int[] { -3, -2, 2, 3 }) {
			String code = codeOfStep(CURRENT_STEP + offset);
			assertThat(IntStream.rangeClosed(-1, 1).mapToObj(near -> codeOfStep(CURRENT_STEP + near)))
				.as("the RFC key's codes differ here, so the refusal below is the window's").doesNotContain(code);
			assertThat(Totp.matchingStep(RFC_KEY, code, SERVER_TIME, 0)).as("a code %d steps away", offset).isEmpty();
		}
	}

	@Test
	void theServerClockDecidesNotTheClockOfTheDeviceThatMadeTheCode() {
		// a phone five minutes ahead makes the code of a step the server has not reached
		String phoneAhead = codeOfStep(CURRENT_STEP + 10);
		assertThat(Totp.matchingStep(RFC_KEY, phoneAhead, SERVER_TIME, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, phoneAhead, SERVER_TIME.plusSeconds(300), 0)).hasValue(CURRENT_STEP + 10);
	}

	@Test
	void aStepAlreadyUsedOrEarlierIsRefused() {
		String current = codeOfStep(CURRENT_STEP);
		assertThat(Totp.matchingStep(RFC_KEY, current, SERVER_TIME, CURRENT_STEP)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, codeOfStep(CURRENT_STEP - 1), SERVER_TIME, CURRENT_STEP)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, codeOfStep(CURRENT_STEP + 1), SERVER_TIME, CURRENT_STEP))
			.hasValue(CURRENT_STEP + 1);
	}

	@Test
	void anythingButSixDigitsIsRefused() {
		String current = codeOfStep(CURRENT_STEP);
		assertThat(Totp.matchingStep(RFC_KEY, current.substring(1), SERVER_TIME, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, current + "0", SERVER_TIME, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, null, SERVER_TIME, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_KEY, "12a456", SERVER_TIME, 0)).isEmpty();
	}

	@Test
	void keysAre160RandomBitsAndNeverRepeat() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			byte[] key = Totp.newSecret();
			assertThat(key).hasSize(20);
			seen.add(java.util.HexFormat.of().formatHex(key));
		}
		assertThat(seen).hasSize(2000);
		assertThat(Totp.base32(Totp.newSecret())).matches("[A-Z2-7]{32}");
	}

	@Test
	void recoveryCodesAre80RandomBitsAndNeverRepeat() {
		Set<String> seen = new HashSet<>();
		Set<Character> used = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			String code = SecondFactors.newRecoveryCode();
			assertThat(code).matches("[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}");
			seen.add(code);
			code.replace("-", "").chars().forEach(c -> used.add((char) c));
		}
		assertThat(seen).hasSize(2000);
		assertThat(used).as("all 32 symbols (5 bits each, 16 of them) turn up").hasSize(32);
	}

	private static String codeOfStep(long step) {
		try {
			var generator = new TimeBasedOneTimePasswordGenerator();
			return generator.generateOneTimePasswordString(new SecretKeySpec(RFC_KEY, generator.getAlgorithm()),
					Instant.ofEpochSecond(step * 30));
		}
		catch (InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}
}
