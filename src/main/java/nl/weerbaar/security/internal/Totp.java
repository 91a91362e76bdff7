package nl.weerbaar.security.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, six digits, 30-second steps, as every authenticator app
 * reads them). A code is accepted for the step before and after the current one too, for clocks that drift; the
 * caller makes sure each step is used once.
 */
final class Totp {

	static final int SECRET_BYTES = 20;
	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator();
	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	static byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return secret;
	}

	static String base32(byte[] secret) {
		return new Base32().encodeToString(secret).replace("=", "");
	}

	/** The step a code belongs to, among the three around {@code now} that are later than {@code lastUsedStep}. */
	static OptionalLong matchingStep(byte[] secret, String code, Instant now, long lastUsedStep) {
		String typed = code == null ? "" : code.replaceAll("\\s", "");
		if (!typed.matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long current = now.getEpochSecond() / GENERATOR.getTimeStep().toSeconds();
		SecretKeySpec key = new SecretKeySpec(secret, GENERATOR.getAlgorithm());
		for (long step = current - 1; step <= current + 1; step++) {
			if (step > lastUsedStep && MessageDigest.isEqual(code(key, step).getBytes(StandardCharsets.US_ASCII),
					typed.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	private static String code(SecretKeySpec key, long step) {
		try {
			return GENERATOR.generateOneTimePasswordString(key,
					Instant.ofEpochSecond(step * GENERATOR.getTimeStep().toSeconds()));
		}
		catch (InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The {@code otpauth://} URI an authenticator app scans; it names the issuer and the username, nothing else. */
	static String uri(String issuer, String username, byte[] secret) {
		String label = URLEncoder.encode(issuer + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer="
				+ URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20")
				+ "&algorithm=SHA1&digits=6&period=30";
	}

	/** The URI as a QR code, an SVG drawn with one path (no image request, nothing the CSP must allow). */
	static String qrSvg(String uri) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 0, 0,
					java.util.Map.of(EncodeHintType.MARGIN, 4));
			StringBuilder path = new StringBuilder();
			for (int y = 0; y < matrix.getHeight(); y++) {
				for (int x = 0; x < matrix.getWidth(); x++) {
					if (matrix.get(x, y)) {
						path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
					}
				}
			}
			return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wb-qr\" role=\"img\" aria-labelledby=\"qr-label\" "
					+ "viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight() + "\" shape-rendering=\"crispEdges\">"
					+ "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
		}
		catch (WriterException e) {
			throw new IllegalStateException(e);
		}
	}
}
