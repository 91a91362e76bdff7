package nl.weerbaar.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP/1.1 message boundaries over a raw socket (ASVS 5.0 V4.2.1, V4.2.2): a request whose length is ambiguous
 * is refused (two different Content-Lengths, an encoding the server does not know) or read by its chunks alone
 * (Content-Length with Transfer-Encoding, as RFC 9112 section 6.3 allows), and in every case the connection is closed
 * after one answer, so a request hidden in its body is never answered; every response is framed by
 * exactly one of a Content-Length that matches its body or chunked encoding, so two requests on one connection get
 * two whole answers.
 */
@WebTest
class MessageFramingTests {

	private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");
	private static final String SMUGGLED = "GET /smuggled-request HTTP/1.1\r\nHost: localhost\r\n\r\n";

	@LocalServerPort
	int port;

	@Test
	void aRequestWithBothContentLengthAndChunkedEncodingGetsOneAnswerAndTheConnectionClosed() throws IOException {
		// RFC 9112 section 6.3: the server may reject it or read it by the chunks alone, but must close the connection
		// after answering; Tomcat reads the chunks (here an empty form, refused for want of a CSRF token) and closes
		String body = "0\r\n\r\n" + SMUGGLED;
		String clTe = exchange("POST /hulp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
				+ "Content-Length: " + body.length() + "\r\nTransfer-Encoding: chunked\r\n\r\n" + body);
		assertThat(statuses(clTe)).as("one answer; the request hidden after the last chunk is never answered").hasSize(1)
			.allMatch(status -> status >= 400);
		String teCl = exchange("POST /hulp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
				+ "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n" + body);
		assertThat(statuses(teCl)).hasSize(1).allMatch(status -> status >= 400);
		assertThat(clTe + teCl).doesNotContain("smuggled-request");
	}

	@Test
	void aRequestWithTwoDifferentContentLengthsIsRefusedAndTheConnectionClosed() throws IOException {
		String answers = exchange("POST /hulp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
				+ "Content-Length: 6\r\nContent-Length: " + (6 + SMUGGLED.length()) + "\r\n\r\na=b&c=" + SMUGGLED);
		assertThat(statuses(answers)).containsExactly(400);
	}

	@Test
	void aTransferEncodingTheServerDoesNotKnowIsRefusedAndTheConnectionClosed() throws IOException {
		String answers = exchange("POST /hulp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
				+ "Transfer-Encoding: xchunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n" + SMUGGLED);
		assertThat(statuses(answers)).hasSize(1).allMatch(status -> status == 400 || status == 501);
	}

	@Test
	void everyResponseIsFramedByOneMatchingLengthOrByChunksSoTwoRequestsGetTwoWholeAnswers() throws IOException {
		String request = "GET /login HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n\r\n"
				+ "GET /assets/favicon.svg HTTP/1.1\r\nHost: localhost\r\n\r\n"
				+ "GET /no-such-page HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n\r\n"
				+ "GET /api/v1/bodies HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n";
		byte[] wire = exchangeBytes(request);
		List<Integer> statuses = new ArrayList<>();
		int at = 0;
		while (at < wire.length) {
			int headEnd = indexOf(wire, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), at);
			assertThat(headEnd).as("a whole header block").isPositive();
			String head = new String(wire, at, headEnd - at, StandardCharsets.ISO_8859_1);
			Matcher status = STATUS_LINE.matcher(head);
			assertThat(status.lookingAt()).as(head).isTrue();
			statuses.add(Integer.parseInt(status.group(1)));
			List<String> lengths = header(head, "content-length");
			List<String> encodings = header(head, "transfer-encoding");
			assertThat(lengths.size() + encodings.size()).as("exactly one framing: " + head).isEqualTo(1);
			int bodyStart = headEnd + 4;
			if (!lengths.isEmpty()) {
				int length = Integer.parseInt(lengths.getFirst());
				assertThat(wire.length - bodyStart).as("the body is at least as long as announced").isGreaterThanOrEqualTo(length);
				at = bodyStart + length;
				assertThat(at == wire.length || startsWith(wire, at, "HTTP/1.1 "))
					.as("the next answer starts right where the announced length ends").isTrue();
			}
			else {
				assertThat(encodings.getFirst().toLowerCase(Locale.ROOT)).isEqualTo("chunked");
				at = afterChunks(wire, bodyStart);
			}
		}
		assertThat(statuses).as("four requests, four answers").hasSize(4).startsWith(200, 200);
	}

	private String exchange(String request) throws IOException {
		return new String(exchangeBytes(request), StandardCharsets.ISO_8859_1);
	}

	/** Sends the bytes and reads until the server closes the connection: a connection left open fails the test. */
	private byte[] exchangeBytes(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			ByteArrayOutputStream read = new ByteArrayOutputStream();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[8192];
			try {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					read.write(buffer, 0, n);
				}
			}
			catch (SocketTimeoutException stillOpen) {
				throw new AssertionError("the server kept the connection open after: "
						+ read.toString(StandardCharsets.ISO_8859_1), stillOpen);
			}
			return read.toByteArray();
		}
	}

	private static List<Integer> statuses(String answers) {
		return STATUS_LINE.matcher(answers).results().map(m -> Integer.parseInt(m.group(1))).toList();
	}

	private static List<String> header(String head, String name) {
		return head.lines().skip(1).filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name + ":"))
			.map(line -> line.substring(name.length() + 1).strip()).toList();
	}

	/** Walks the chunks (size line, data, CRLF) to the zero chunk and its trailer; returns where the next answer starts. */
	private static int afterChunks(byte[] wire, int at) {
		while (true) {
			int lineEnd = indexOf(wire, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
			int size = Integer.parseInt(new String(wire, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
			at = lineEnd + 2;
			if (size == 0) {
				assertThat(startsWith(wire, at, "\r\n")).as("no trailer, then the end").isTrue();
				return at + 2;
			}
			at += size;
			assertThat(startsWith(wire, at, "\r\n")).as("each chunk is exactly as long as its size line").isTrue();
			at += 2;
		}
	}

	private static boolean startsWith(byte[] wire, int at, String text) {
		byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
		return at + expected.length <= wire.length && indexOf(wire, expected, at) == at;
	}

	private static int indexOf(byte[] wire, byte[] part, int from) {
		outer: for (int i = from; i <= wire.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (wire[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
