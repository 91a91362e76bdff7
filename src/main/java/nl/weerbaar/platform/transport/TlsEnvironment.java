package nl.weerbaar.platform.transport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Serves HTTPS when a certificate and its private key are given ({@code WEERBAAR_TLS_CERT}, {@code WEERBAAR_TLS_KEY}:
 * PEM files or PEM text): an SSL bundle {@value #BUNDLE} with TLS 1.3 and 1.2 only and cipher suites with forward
 * secrecy and authenticated encryption only, the strongest first. Everything here is a default: an operator's own
 * {@code server.ssl.*} or {@code spring.ssl.bundle.pem.weerbaar.*} settings take precedence.
 */
public class TlsEnvironment implements EnvironmentPostProcessor, Ordered {

	public static final String BUNDLE = "weerbaar";

	static final String CERTIFICATE = "weerbaar.tls.certificate";
	static final String PRIVATE_KEY = "weerbaar.tls.private-key";
	static final String PRIVATE_KEY_PASSWORD = "weerbaar.tls.private-key-password";

	/** TLS 1.3 first: a client that speaks it gets it. */
	public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

	/**
	 * The TLS 1.3 suites, then the TLS 1.2 suites of Mozilla's "intermediate" profile without the finite-field DHE ones:
	 * ECDHE key exchange (forward secrecy) and AEAD only, 256-bit and ChaCha20 before 128-bit. No CBC, no static RSA key
	 * exchange, no SHA-1 MAC.
	 */
	public static final List<String> CIPHER_SUITES = List.of(
			"TLS_AES_256_GCM_SHA384",
			"TLS_CHACHA20_POLY1305_SHA256",
			"TLS_AES_128_GCM_SHA256",
			"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
			"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
			"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
			"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
			"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
			"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String certificate = environment.getProperty(CERTIFICATE);
		String key = environment.getProperty(PRIVATE_KEY);
		if (!StringUtils.hasText(certificate) && !StringUtils.hasText(key)) {
			return;
		}
		if (!StringUtils.hasText(certificate) || !StringUtils.hasText(key)) {
			throw new IllegalStateException("HTTPS needs both a certificate and its private key: set WEERBAAR_TLS_CERT and "
					+ "WEERBAAR_TLS_KEY (" + CERTIFICATE + " and " + PRIVATE_KEY + "), or neither");
		}
		String prefix = "spring.ssl.bundle.pem." + BUNDLE + ".";
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("server.ssl.bundle", BUNDLE);
		defaults.put(prefix + "keystore.certificate", certificate);
		defaults.put(prefix + "keystore.private-key", key);
		String password = environment.getProperty(PRIVATE_KEY_PASSWORD);
		if (StringUtils.hasText(password)) {
			defaults.put(prefix + "keystore.private-key-password", password);
		}
		defaults.put(prefix + "options.enabled-protocols", String.join(",", PROTOCOLS));
		defaults.put(prefix + "options.ciphers", String.join(",", CIPHER_SUITES));
		// a renewed certificate (e.g. every 60 to 90 days) is picked up without a restart, when it comes from files
		defaults.put(prefix + "reload-on-update", !isPemText(certificate) && !isPemText(key));
		environment.getPropertySources().addLast(new MapPropertySource("weerbaarTls", defaults));
	}

	private static boolean isPemText(String value) {
		return value.strip().startsWith("-----BEGIN");
	}

	@Override
	public int getOrder() {
		// after application.yml and the environment variables are read
		return ConfigDataEnvironmentPostProcessor.ORDER + 10;
	}
}
