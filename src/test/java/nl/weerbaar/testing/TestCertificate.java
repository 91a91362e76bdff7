package nl.weerbaar.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A self-signed certificate for localhost (RSA 3072, SAN localhost and 127.0.0.1), made with the JDK's keytool and
 * written as PEM to {@value #DIRECTORY}: {@code weerbaar.crt} and {@code weerbaar.key}, at fixed paths so a test's
 * {@code @SpringBootTest(properties)} can name them. As an extension declared before {@code @SpringBootTest}, the files
 * exist before the application starts.
 */
public final class TestCertificate implements BeforeAllCallback {

	public static final String DIRECTORY = "target/test-tls";
	public static final String CERTIFICATE = DIRECTORY + "/weerbaar.crt";
	public static final String PRIVATE_KEY = DIRECTORY + "/weerbaar.key";

	private static final char[] PASSWORD = "changeit".toCharArray();
	private static KeyStore keyStore;

	@Override
	public void beforeAll(ExtensionContext context) {
		make();
	}

	public static synchronized KeyStore make() {
		if (keyStore != null) {
			return keyStore;
		}
		try {
			Path directory = Path.of(DIRECTORY);
			Files.createDirectories(directory);
			Path store = directory.resolve("weerbaar.p12");
			Files.deleteIfExists(store);
			Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
			Process keytool = new ProcessBuilder(List.of(java.resolveSibling("keytool").toString(), "-genkeypair", "-alias",
					"weerbaar", "-keyalg", "RSA", "-keysize", "3072", "-sigalg", "SHA256withRSA", "-validity", "2", "-dname",
					"CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", store.toString(), "-storetype",
					"PKCS12", "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
				.redirectErrorStream(true)
				.start();
			String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!keytool.waitFor(2, TimeUnit.MINUTES) || keytool.exitValue() != 0) {
				throw new IllegalStateException("keytool failed: " + output);
			}
			KeyStore loaded = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(store)) {
				loaded.load(in, PASSWORD);
			}
			Certificate certificate = loaded.getCertificate("weerbaar");
			PrivateKey key = (PrivateKey) loaded.getKey("weerbaar", PASSWORD);
			Files.writeString(Path.of(CERTIFICATE), pem("CERTIFICATE", certificate.getEncoded()));
			Files.writeString(Path.of(PRIVATE_KEY), pem("PRIVATE KEY", key.getEncoded()));
			keyStore = loaded;
			return loaded;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A client's TLS context that trusts this certificate only. */
	public static SSLContext trustingIt() {
		try {
			KeyStore trust = KeyStore.getInstance("PKCS12");
			trust.load(null, null);
			trust.setCertificateEntry("weerbaar", make().getCertificate("weerbaar"));
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(trust);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, factory.getTrustManagers(), null);
			return context;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}
}
