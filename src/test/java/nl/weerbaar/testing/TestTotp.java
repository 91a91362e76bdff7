package nl.weerbaar.testing;

import java.security.InvalidKeyException;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/** An authenticator app in a test: it reads the key the enrolment page shows and makes codes from it. */
public final class TestTotp {

	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator();

	private final SecretKeySpec key;

	public TestTotp(String base32Secret) {
		this.key = new SecretKeySpec(new Base32().decode(base32Secret.replace(" ", "")), GENERATOR.getAlgorithm());
	}

	public String code() {
		return codeAt(Instant.now());
	}

	/** The code of the 30-second step {@code steps} away from now (negative: earlier). */
	public String codeInStep(int steps) {
		return codeAt(Instant.now().plusSeconds(30L * steps));
	}

	private String codeAt(Instant when) {
		try {
			return GENERATOR.generateOneTimePasswordString(key, when);
		}
		catch (InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}
}
