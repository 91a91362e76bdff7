package nl.weerbaar.audit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.weerbaar.audit.internal.AuditShipProperties.Mode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends each audit record, once committed, and the chain head out of the host as one JSON line: to a syslog
 * collector (RFC 5424 over UDP or TCP) or to a file a collector tails. A line carries what the record's hash covers
 * except the client's network address (ids, kinds, result, time) plus the hashes, so the receiver holds an anchor for
 * every record. Lines go through a bounded queue to one sending thread: a slow or absent collector never holds or
 * fails the trail; a line that cannot be sent is counted ({@code weerbaar.audit.ship.failures}) and logged.
 */
@Component
public class AuditShipper implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditShipper.class);

	/** Facility 13 (log audit), severity 6 (informational). */
	private static final int PRIORITY = 13 * 8 + 6;

	private final AuditShipProperties properties;
	private final BlockingQueue<Object> queue;
	private final Counter shipped;
	private final Counter failures;
	private final String hostname;
	private final Thread sender;
	private Socket tcp;
	private DatagramSocket udp;

	public AuditShipper(AuditShipProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.queue = new ArrayBlockingQueue<>(Math.max(1, properties.queue()));
		this.shipped = meters.counter("weerbaar.audit.ship.sent");
		this.failures = meters.counter("weerbaar.audit.ship.failures");
		this.hostname = localHostname();
		if (properties.mode() == Mode.OFF) {
			this.sender = null;
			log.info("Audit records are not shipped off this host (weerbaar.audit.ship.mode=OFF)");
			return;
		}
		if (properties.mode() == Mode.FILE && properties.file() == null) {
			throw new IllegalStateException("weerbaar.audit.ship.mode=FILE needs weerbaar.audit.ship.file");
		}
		this.sender = Thread.ofPlatform().daemon().name("weerbaar-audit-ship").start(this::send);
		log.info("Audit records are shipped as JSON lines ({} to {})", properties.mode(),
				properties.mode() == Mode.FILE ? properties.file() : properties.host() + ":" + properties.port());
	}

	/** Queues one committed record. Never blocks and never throws. */
	public void record(long seq, Instant occurredAt, UUID actorId, String actorRole, String action, String objectType,
			String objectId, String result, String previousHash, String hash) {
		if (sender == null) {
			return;
		}
		offer(new StringBuilder(256).append("{\"type\":\"audit\",\"seq\":").append(seq)
			.append(",\"occurredAt\":").append(json(occurredAt.truncatedTo(ChronoUnit.MICROS).toString()))
			.append(",\"actorId\":").append(json(actorId == null ? null : actorId.toString()))
			.append(",\"actorRole\":").append(json(actorRole))
			.append(",\"action\":").append(json(action))
			.append(",\"objectType\":").append(json(objectType))
			.append(",\"objectId\":").append(json(objectId))
			.append(",\"result\":").append(json(result))
			.append(",\"previousHash\":").append(json(previousHash))
			.append(",\"hash\":").append(json(hash)).append('}').toString());
	}

	/** Queues the chain head, an anchor that {@code audit-verify --anchors} checks the database against. */
	public void head(long seq, String hash, Instant at) {
		if (sender == null) {
			return;
		}
		offer("{\"type\":\"head\",\"seq\":" + seq + ",\"hash\":" + json(hash) + ",\"at\":" + json(at.toString()) + "}");
	}

	/** Waits until every line queued before the call has been sent or counted as failed. */
	public void flush() throws InterruptedException {
		if (sender == null) {
			return;
		}
		CountDownLatch done = new CountDownLatch(1);
		queue.put(done);
		done.await();
	}

	public double failures() {
		return failures.count();
	}

	private void offer(String line) {
		if (!queue.offer(line)) {
			failures.increment();
			log.warn("Audit shipping queue full: a line was dropped (the record itself is in the database)");
		}
	}

	private void send() {
		while (true) {
			Object item;
			try {
				item = queue.take();
			}
			catch (InterruptedException e) {
				closeConnections();
				return;
			}
			if (item instanceof CountDownLatch done) {
				done.countDown();
				continue;
			}
			try {
				write((String) item);
				shipped.increment();
			}
			catch (IOException | RuntimeException e) {
				failures.increment();
				closeConnections();
				// the line holds ids only, but the message of an I/O error is enough to act on
				log.warn("Could not ship an audit line ({} to {}:{}): {}", properties.mode(), properties.host(),
						properties.port(), e.toString());
			}
		}
	}

	private void write(String line) throws IOException {
		switch (properties.mode()) {
			case FILE -> Files.writeString(properties.file(), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND, StandardOpenOption.WRITE);
			case SYSLOG_UDP -> {
				if (udp == null) {
					udp = new DatagramSocket();
				}
				byte[] message = syslog(line);
				udp.send(new DatagramPacket(message, message.length, InetAddress.getByName(properties.host()),
						properties.port()));
			}
			case SYSLOG_TCP -> {
				if (tcp == null) {
					tcp = new Socket();
					tcp.connect(new InetSocketAddress(properties.host(), properties.port()), 5_000);
					tcp.setSoTimeout(5_000);
				}
				byte[] message = syslog(line);
				OutputStream out = tcp.getOutputStream();
				out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
				out.write(message);
				out.flush();
			}
			case OFF -> {
			}
		}
	}

	/** RFC 5424: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG}. */
	private byte[] syslog(String json) {
		return ("<" + PRIORITY + ">1 " + Instant.now().truncatedTo(ChronoUnit.MICROS) + " " + hostname + " weerbaar "
				+ ProcessHandle.current().pid() + " audit - " + json).getBytes(StandardCharsets.UTF_8);
	}

	private void closeConnections() {
		if (tcp != null) {
			try {
				tcp.close();
			}
			catch (IOException ignored) {
				// reconnects with the next line
			}
			tcp = null;
		}
		if (udp != null) {
			udp.close();
			udp = null;
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		if (sender != null) {
			// what was queued before shutdown still goes out, unless the collector keeps it waiting too long
			CountDownLatch done = new CountDownLatch(1);
			if (queue.offer(done)) {
				done.await(10, java.util.concurrent.TimeUnit.SECONDS);
			}
			sender.interrupt();
		}
	}

	static String json(String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder out = new StringBuilder(value.length() + 2).append('"');
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20 || c == 0x2028 || c == 0x2029) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	private static String localHostname() {
		try {
			String name = InetAddress.getLocalHost().getHostName();
			return name.isBlank() ? "-" : name.replace(' ', '-');
		}
		catch (IOException e) {
			return "-";
		}
	}
}
