package nl.weerbaar.audit.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.weerbaar.audit.AuditAnchors;
import nl.weerbaar.audit.internal.AuditShipProperties.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped lines cannot be forged or split by what a field holds (ASVS V16.4.1), and read back as anchors. */
class AuditShipperTests {

	@Test
	void aFieldCannotBreakOutOfItsJsonStringNorStartANewLine() {
		assertThat(AuditShipper.json("case\"},{\"type\":\"head\\\nseq=1\r\u2028\u0000")).isEqualTo(
				"\"case\\\"},{\\\"type\\\":\\\"head\\\\\\u000aseq=1\\u000d\\u2028\\u0000\"");
		assertThat(AuditShipper.json(null)).isEqualTo("null");
	}

	@Test
	void aFileCollectorGetsOneLinePerRecordAndHeadWhichReadBackAsAnchors(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("audit.jsonl");
		AuditShipper shipper = new AuditShipper(new AuditShipProperties(Mode.FILE, file, "localhost", 514, 100),
				new SimpleMeterRegistry());
		try {
			shipper.record(7, Instant.parse("2026-12-02T10:00:00Z"), null, "ADMIN", "EXPORT", "AUDIT", "x\ny", "ALLOWED",
					"0".repeat(64), "1".repeat(64));
			shipper.head(8, "2".repeat(64), Instant.parse("2026-12-02T10:10:00Z"));
			shipper.flush();
		}
		finally {
			shipper.destroy();
		}
		List<String> lines = lines(file);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).startsWith("{\"type\":\"audit\",\"seq\":7,").contains("\"objectId\":\"x\\u000ay\"");
		assertThat(AuditAnchors.parse(lines)).containsEntry(7L, "1".repeat(64)).containsEntry(8L, "2".repeat(64)).hasSize(2);
		assertThat(shipper.failures()).isZero();
	}

	private static List<String> lines(Path file) throws IOException {
		return Files.readAllLines(file);
	}
}
