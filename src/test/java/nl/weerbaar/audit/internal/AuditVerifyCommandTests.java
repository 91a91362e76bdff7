package nl.weerbaar.audit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import nl.weerbaar.audit.AuditTrail;
import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
@ExtendWith(OutputCaptureExtension.class)
class AuditVerifyCommandTests {

	@Autowired
	AuditTrail trail;

	@Test
	void reportsAnIntactChainWithItsHeadAndExitsZero(CapturedOutput output) {
		int code = new AuditVerifyCommand(trail).run(List.of());
		assertThat(code).isZero();
		assertThat(output.getOut()).contains("audit-verify: OK").contains("sha256=" + trail.head().headHash());
	}

	@Test
	void checksTheChainAgainstAShippedStreamAndFailsWhereAnAnchoredHashDiffers(@TempDir Path dir, CapturedOutput output)
			throws Exception {
		long seq = trail.append(AuditEntry.allowed(UUID.randomUUID(), "ADMIN", "VERIFY_PROBE", "CASE", "case-1"));
		Path stream = dir.resolve("audit.jsonl");
		Files.writeString(stream, "{\"type\":\"head\",\"seq\":" + trail.head().headSeq() + ",\"hash\":\""
				+ trail.head().headHash() + "\",\"at\":\"2026-01-01T00:00:00Z\"}\n");
		assertThat(new AuditVerifyCommand(trail).run(List.of("--anchors", stream.toString()))).isZero();

		Files.writeString(stream, "<110>1 2026-01-01T00:00:00Z host weerbaar 1 audit - {\"type\":\"audit\",\"seq\":" + seq
				+ ",\"previousHash\":\"" + "0".repeat(64) + "\",\"hash\":\"" + "f".repeat(64) + "\"}\n");
		assertThat(new AuditVerifyCommand(trail).run(List.of("--anchors", stream.toString()))).isOne();
		assertThat(output.getOut()).contains("BROKEN at seq=" + seq).contains("anchored outside the database");
	}

	@Test
	void refusesAnUnknownArgument(CapturedOutput output) {
		assertThat(new AuditVerifyCommand(trail).run(List.of("--anchor"))).isEqualTo(2);
		assertThat(output.getOut()).contains("usage: audit-verify");
	}
}
