package nl.weerbaar.audit.internal;

import java.util.List;

import nl.weerbaar.audit.AuditTrail;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
}
