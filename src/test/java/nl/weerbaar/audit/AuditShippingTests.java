package nl.weerbaar.audit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.weerbaar.audit.internal.AuditShipProperties;
import nl.weerbaar.audit.internal.AuditShipProperties.Mode;
import nl.weerbaar.audit.internal.AuditShipper;
import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each committed audit record leaves the host as one JSON line, to a real syslog collector played by this test (TCP in
 * the application, UDP and a collector that is down on a shipper of their own); the shipped hashes anchor the chain,
 * so that a chain rewritten whole in the database, intact in itself, fails verification against them.
 */
@SpringBootTest
@TestPropertySource(properties = { "weerbaar.test.database=audit_shipping", "weerbaar.audit.ship.mode=SYSLOG_TCP",
		"weerbaar.audit.ship.host=127.0.0.1" })
class AuditShippingTests {

	private static final TcpCollector collector = new TcpCollector();

	@DynamicPropertySource
	static void collector(DynamicPropertyRegistry registry) {
		registry.add("weerbaar.audit.ship.port", collector::port);
	}

	@AfterAll
	static void stopCollector() throws IOException {
		collector.close();
	}

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditShipper shipper;

	private final JdbcClient owner = JdbcClient.create(TestDatabase.dataSource("audit_shipping"));

	@Test
	void eachCommittedRecordReachesTheCollectorOverTcpAsOneSyslogMessageWithoutTheClientsAddress() throws Exception {
		UUID actor = UUID.randomUUID();
		long seq = trail.append(AuditEntry.allowed(actor, "SUPPORTER", "READ_CASE", "CASE", "case-tcp").from("203.0.113.9"));
		String line = collector.lineFor(seq);
		assertThat(line).matches("<110>1 \\S+ \\S+ weerbaar \\d+ audit - \\{.*\\}");
		String hash = owner.sql("select encode(hash, 'hex') from audit_event where seq = ?").param(seq).query(String.class).single();
		assertThat(line).contains("\"type\":\"audit\"", "\"actorId\":\"" + actor + "\"", "\"actorRole\":\"SUPPORTER\"",
				"\"action\":\"READ_CASE\"", "\"objectType\":\"CASE\"", "\"objectId\":\"case-tcp\"", "\"result\":\"ALLOWED\"",
				"\"hash\":\"" + hash + "\"");
		assertThat(line).as("the network address stays in the database").doesNotContain("203.0.113.9");
	}

	@Test
	void eachRecordReachesACollectorOverUdpAsOneDatagram() throws Exception {
		try (DatagramSocket udpCollector = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			udpCollector.setSoTimeout(30_000);
			AuditShipper udp = new AuditShipper(new AuditShipProperties(Mode.SYSLOG_UDP, null, "127.0.0.1",
					udpCollector.getLocalPort(), 100), new SimpleMeterRegistry());
			try {
				udp.record(42, Instant.parse("2026-12-02T10:15:30.123456Z"), null, null, "SIGN_IN_FAILED", "ACCOUNT",
						"acc-1", "DENIED", "0".repeat(64), "a".repeat(64));
				udp.flush();
				DatagramPacket packet = new DatagramPacket(new byte[8192], 8192);
				udpCollector.receive(packet);
				String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
				assertThat(message).startsWith("<110>1 ").endsWith("""
						audit - {"type":"audit","seq":42,"occurredAt":"2026-12-02T10:15:30.123456Z","actorId":null,\
						"actorRole":null,"action":"SIGN_IN_FAILED","objectType":"ACCOUNT","objectId":"acc-1",\
						"result":"DENIED","previousHash":"%s","hash":"%s"}""".formatted("0".repeat(64), "a".repeat(64)));
				assertThat(udp.failures()).isZero();
			}
			finally {
				udp.destroy();
			}
		}
	}

	@Test
	void aCollectorThatIsDownNeitherHoldsNorFailsTheTrailAndIsCounted(@TempDir Path dir) throws Exception {
		int closedPort;
		try (ServerSocket probe = new ServerSocket(0)) {
			closedPort = probe.getLocalPort();
		}
		AuditShipper down = new AuditShipper(new AuditShipProperties(Mode.SYSLOG_TCP, null, "127.0.0.1", closedPort, 100),
				new SimpleMeterRegistry());
		try {
			down.record(1, Instant.now(), null, null, "PROBE", null, null, "ALLOWED", "0".repeat(64), "b".repeat(64));
			down.head(1, "b".repeat(64), Instant.now());
			down.flush();
			assertThat(down.failures()).isEqualTo(2);
		}
		finally {
			down.destroy();
		}
		// and a full queue drops the line instead of waiting
		AuditShipper file = new AuditShipper(new AuditShipProperties(Mode.FILE, dir.resolve("no-such-dir/audit.jsonl"),
				"localhost", 514, 1), new SimpleMeterRegistry());
		try {
			for (int i = 0; i < 50; i++) {
				file.record(i, Instant.now(), null, null, "PROBE", null, null, "ALLOWED", "0".repeat(64), "c".repeat(64));
			}
			file.flush();
			assertThat(file.failures()).as("every line failed or was dropped, none thrown").isEqualTo(50);
		}
		finally {
			file.destroy();
		}
	}

	@Test
	void aChainRewrittenWholeIsIntactInItselfButFailsAgainstTheShippedHashes() throws Exception {
		List<Long> appended = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			appended.add(trail.append(AuditEntry.allowed(UUID.randomUUID(), "COORDINATOR", "READ_CASE", "CASE", "case-" + i)));
		}
		List<String> shipped = new ArrayList<>();
		for (long seq : appended) {
			shipped.add(collector.lineFor(seq));
		}
		SortedMap<Long, String> anchors = AuditAnchors.parse(shipped);
		long target = appended.get(1);
		List<Map<String, Object>> original = owner.sql("select * from audit_event where seq >= ? order by seq").param(target)
			.query().listOfRows();
		byte[] originalHead = owner.sql("select hash from audit_head").query(byte[].class).single();
		try {
			rewrite(original, target, "another-case");
			assertThat(trail.verify().intact()).as("the rewrite recomputed every hash after it").isTrue();
			Verification anchored = trail.verify(anchors);
			assertThat(anchored.intact()).isFalse();
			assertThat(anchored.firstBrokenSeq()).isEqualTo(target);
			assertThat(anchored.problem()).contains("anchored outside the database");
		}
		finally {
			rewrite(original, target, null);
			owner.sql("update audit_head set hash = ?").param(originalHead).update();
		}
		assertThat(trail.verify(anchors).intact()).isTrue();
	}

	/** As an owner would: trigger off, every record from {@code target} on re-hashed, head moved along. */
	private void rewrite(List<Map<String, Object>> rows, long target, String newObjectId) {
		owner.sql("alter table audit_event disable trigger audit_event_append_only").update();
		try {
			byte[] previous = (byte[]) rows.getFirst().get("previous_hash");
			for (Map<String, Object> row : rows) {
				long seq = ((Number) row.get("seq")).longValue();
				String objectId = seq == target && newObjectId != null ? newObjectId : (String) row.get("object_id");
				byte[] hash = AuditTrail.hash(previous, AuditTrail.canonical(seq, ((Timestamp) row.get("occurred_at")).toInstant(),
						(UUID) row.get("actor_id"), (String) row.get("actor_role"), (String) row.get("action"),
						(String) row.get("object_type"), objectId, (String) row.get("result"), (String) row.get("origin")));
				owner.sql("update audit_event set object_id = ?, previous_hash = ?, hash = ? where seq = ?")
					.params(objectId, previous, hash, seq).update();
				previous = hash;
			}
			owner.sql("update audit_head set hash = ?").param(previous).update();
		}
		finally {
			owner.sql("alter table audit_event enable trigger audit_event_append_only").update();
		}
	}

	/** A syslog collector on TCP (RFC 6587 octet counting), keeping every message it receives. */
	static final class TcpCollector implements AutoCloseable {

		private final ServerSocket server;
		private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
		private final List<String> seen = new ArrayList<>();

		TcpCollector() {
			try {
				server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
			Thread.ofPlatform().daemon().start(() -> {
				while (!server.isClosed()) {
					try {
						Socket socket = server.accept();
						Thread.ofPlatform().daemon().start(() -> read(socket));
					}
					catch (IOException closed) {
						return;
					}
				}
			});
		}

		int port() {
			return server.getLocalPort();
		}

		private void read(Socket socket) {
			try (socket; DataInputStream in = new DataInputStream(socket.getInputStream())) {
				while (true) {
					int length = frameLength(in);
					if (length < 0) {
						return;
					}
					received.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
				}
			}
			catch (IOException ended) {
				// the shipper closed the connection
			}
		}

		private static int frameLength(InputStream in) throws IOException {
			int length = 0;
			int c;
			while ((c = in.read()) != ' ') {
				if (c < 0) {
					return -1;
				}
				length = length * 10 + (c - '0');
			}
			return length;
		}

		/** The record line with this seq; waits for it (bounded, so that a line that never comes fails the test). */
		synchronized String lineFor(long seq) throws InterruptedException {
			String wanted = "\"type\":\"audit\",\"seq\":" + seq + ",";
			for (String line : seen) {
				if (line.contains(wanted)) {
					return line;
				}
			}
			while (true) {
				String line = received.poll(60, TimeUnit.SECONDS);
				assertThat(line).as("the collector received record " + seq).isNotNull();
				seen.add(line);
				if (line.contains(wanted)) {
					return line;
				}
			}
		}

		@Override
		public void close() throws IOException {
			server.close();
		}
	}
}
