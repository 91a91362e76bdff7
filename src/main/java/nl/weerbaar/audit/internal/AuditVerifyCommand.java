package nl.weerbaar.audit.internal;

import java.util.List;

import nl.weerbaar.audit.AuditTrail;
import nl.weerbaar.audit.Verification;
import nl.weerbaar.platform.Command;
import org.springframework.stereotype.Component;

/** {@code java -jar weerbaar.jar audit-verify}: walks the audit chain; exit code 0 when intact, 1 when broken. */
@Component
class AuditVerifyCommand implements Command {

	private final AuditTrail trail;

	AuditVerifyCommand(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public String name() {
		return "audit-verify";
	}

	@Override
	public String description() {
		return "walk the audit chain and report the first broken record";
	}

	@Override
	public int run(List<String> args) {
		long start = System.nanoTime();
		Verification result = trail.verify();
		long millis = (System.nanoTime() - start) / 1_000_000;
		if (result.intact()) {
			System.out.printf("audit-verify: OK, %d records intact in %d ms; head seq=%d sha256=%s%n", result.checked(),
					millis, result.headSeq(), result.headHash());
			return 0;
		}
		System.out.printf("audit-verify: BROKEN at seq=%d: %s (%d records walked in %d ms; head seq=%d)%n",
				result.firstBrokenSeq(), result.problem(), result.checked(), millis, result.headSeq());
		return 1;
	}
}
