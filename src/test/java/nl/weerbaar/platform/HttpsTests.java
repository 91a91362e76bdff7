package nl.weerbaar.platform;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import nl.weerbaar.testing.TestCertificate;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Weerbaar serving HTTPS itself, from a PEM certificate and key (a self-signed one for localhost, made by the test):
 * TLS 1.3 and 1.2 only, forward-secret AEAD suites only with the server's order, and a plain-HTTP port that sends
 * people to HTTPS but refuses the API. The refusals are checked with hand-made ClientHello messages, so they do not
 * depend on what this JVM's own TLS client is willing to offer; one hand-made hello with a good suite is answered, which
 * shows the hand-made hellos are sound.
 */
@ExtendWith(TestCertificate.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "weerbaar.tls.certificate=" + TestCertificate.CERTIFICATE,
				"weerbaar.tls.private-key=" + TestCertificate.PRIVATE_KEY, "weerbaar.tls.http-port=0" })
class HttpsTests {

	private static final int TLS_1_0 = 0x0301;
	private static final int TLS_1_1 = 0x0302;
	private static final int TLS_1_2 = 0x0303;

	private static final int ECDHE_RSA_AES_128_GCM_SHA256 = 0xC02F;
	private static final int ECDHE_RSA_AES_128_CBC_SHA = 0xC013;
	private static final int ECDHE_RSA_AES_128_CBC_SHA256 = 0xC027;
	private static final int RSA_AES_128_GCM_SHA256 = 0x009C;
	private static final int DHE_RSA_AES_128_GCM_SHA256 = 0x009E;
	private static final int RSA_3DES_EDE_CBC_SHA = 0x000A;

	@LocalServerPort
	int port;

	@Autowired
	WebServerApplicationContext context;

	@Test
	void aClientThatSpeaksTls13GetsTls13() throws IOException {
		try (SSLSocket socket = (SSLSocket) TestCertificate.trustingIt().getSocketFactory().createSocket("localhost", port)) {
			socket.startHandshake();
			assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
		}
	}

	@Test
	void tls12StillWorksAndTheServerPicksTheStrongestSuiteTheClientOffers() throws IOException {
		try (SSLSocket socket = (SSLSocket) TestCertificate.trustingIt().getSocketFactory().createSocket("localhost", port)) {
			socket.setEnabledProtocols(new String[] { "TLSv1.2" });
			socket.setEnabledCipherSuites(new String[] { "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
					"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" });
			socket.startHandshake();
			assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
			assertThat(socket.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
		}
	}

	@Test
	void tls10AndTls11AreRefused() throws IOException {
		assertThat(serverHelloFor(TLS_1_2, ECDHE_RSA_AES_128_GCM_SHA256)).as("a sound hello with a good suite").isTrue();
		assertThat(serverHelloFor(TLS_1_1, ECDHE_RSA_AES_128_CBC_SHA, ECDHE_RSA_AES_128_GCM_SHA256)).as("TLS 1.1").isFalse();
		assertThat(serverHelloFor(TLS_1_0, ECDHE_RSA_AES_128_CBC_SHA, ECDHE_RSA_AES_128_GCM_SHA256)).as("TLS 1.0").isFalse();
	}

	@Test
	void suitesWithoutForwardSecrecyOrWithoutAuthenticatedEncryptionAreRefused() throws IOException {
		assertThat(serverHelloFor(TLS_1_2, RSA_AES_128_GCM_SHA256)).as("RSA key exchange").isFalse();
		assertThat(serverHelloFor(TLS_1_2, RSA_3DES_EDE_CBC_SHA)).as("3DES").isFalse();
		// both enabled in the JDK by default: refused by Weerbaar's own list
		assertThat(serverHelloFor(TLS_1_2, ECDHE_RSA_AES_128_CBC_SHA256)).as("CBC").isFalse();
		assertThat(serverHelloFor(TLS_1_2, DHE_RSA_AES_128_GCM_SHA256)).as("finite-field DHE").isFalse();
		try (SSLSocket socket = (SSLSocket) TestCertificate.trustingIt().getSocketFactory().createSocket("localhost", port)) {
			socket.setEnabledProtocols(new String[] { "TLSv1.2" });
			socket.setEnabledCipherSuites(new String[] { "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256" });
			assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
		}
	}

	@Test
	void overHttpsTheRequestIsSecureSoBrowsersAreToldToKeepToHttps() throws IOException, InterruptedException {
		HttpResponse<String> login = https().send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				hsts -> assertThat(hsts).contains("max-age="));
		assertThat(login.headers().allValues("Set-Cookie")).allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("Secure"));
		assertThat(login.headers().firstValue("Server")).isEmpty();
		assertThat(login.headers().firstValue("X-Powered-By")).isEmpty();
		HttpResponse<String> api = https().send(
				HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/bodies")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).as("the API works over HTTPS (and wants a sign-in)").isEqualTo(401);
	}

	@Test
	void thePlainHttpPortSendsPeopleToHttpsButRefusesTheApiAndForms() throws IOException, InterruptedException {
		String plain = "http://localhost:" + httpPort();
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(plain + "/requests?status=NEW"))
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(301);
		assertThat(page.headers().firstValue("Location")).contains("https://localhost:" + port + "/requests?status=NEW");
		assertThat(page.headers().firstValue("Set-Cookie")).as("no session over plain HTTP").isEmpty();

		HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(plain + "/api/v1/bodies"))
			.header("Authorization", "Bearer wbr_not-a-real-token")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(403);
		assertThat(api.headers().firstValue("Location")).isEmpty();
		assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(api.body()).contains("HTTPS");

		HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(plain + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=someone&password=secret"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(form.statusCode()).isEqualTo(403);
		assertThat(form.headers().firstValue("Location")).isEmpty();

		HttpResponse<String> actuator = client.send(HttpRequest.newBuilder(URI.create(plain + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(actuator.statusCode()).isEqualTo(403);
	}

	private HttpClient https() {
		return HttpClient.newBuilder()
			.sslContext(TestCertificate.trustingIt())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	private int httpPort() {
		Connector[] connectors = ((TomcatWebServer) context.getWebServer()).getTomcat().getService().findConnectors();
		return Arrays.stream(connectors)
			.filter(connector -> !connector.getSecure() && connector.getLocalPort() != port)
			.findFirst()
			.orElseThrow()
			.getLocalPort();
	}

	/** Sends a hand-made ClientHello and tells whether the server answered with a ServerHello (rather than an alert). */
	private boolean serverHelloFor(int version, int... suites) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(clientHello(version, suites));
			out.flush();
			DataInputStream in = new DataInputStream(socket.getInputStream());
			byte[] head = new byte[6];
			try {
				in.readFully(head);
			}
			catch (EOFException closed) {
				return false;
			}
			// a handshake record whose first message is a ServerHello (2); an alert record is 21
			return head[0] == 0x16 && head[5] == 0x02;
		}
	}

	private static byte[] clientHello(int version, int... suites) {
		ByteArrayOutputStream extensions = new ByteArrayOutputStream();
		// supported groups: x25519, secp256r1, secp384r1
		extension(extensions, 0x000a, new byte[] { 0, 6, 0, 0x1d, 0, 0x17, 0, 0x18 });
		// EC point formats: uncompressed
		extension(extensions, 0x000b, new byte[] { 1, 0 });
		// signature algorithms: rsa_pss_rsae_sha256, rsa_pkcs1_sha256, ecdsa_secp256r1_sha256
		extension(extensions, 0x000d, new byte[] { 0, 6, 0x08, 0x04, 0x04, 0x01, 0x04, 0x03 });
		// renegotiation info: an initial handshake
		extension(extensions, 0xff01, new byte[] { 0 });

		ByteArrayOutputStream body = new ByteArrayOutputStream();
		u16(body, version);
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		body.writeBytes(random);
		body.write(0); // no session id
		u16(body, suites.length * 2);
		for (int suite : suites) {
			u16(body, suite);
		}
		body.write(1); // compression: null only
		body.write(0);
		u16(body, extensions.size());
		body.writeBytes(extensions.toByteArray());

		ByteArrayOutputStream handshake = new ByteArrayOutputStream();
		handshake.write(1); // ClientHello
		handshake.write(body.size() >>> 16);
		u16(handshake, body.size() & 0xffff);
		handshake.writeBytes(body.toByteArray());

		ByteArrayOutputStream record = new ByteArrayOutputStream();
		record.write(0x16);
		u16(record, TLS_1_0);
		u16(record, handshake.size());
		record.writeBytes(handshake.toByteArray());
		return record.toByteArray();
	}

	private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
		u16(out, type);
		u16(out, data.length);
		out.writeBytes(data);
	}

	private static void u16(ByteArrayOutputStream out, int value) {
		out.write(value >>> 8);
		out.write(value & 0xff);
	}
}
