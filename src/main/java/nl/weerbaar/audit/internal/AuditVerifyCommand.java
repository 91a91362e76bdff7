package nl.weerbaar.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import nl.weerbaar.audit.AuditAnchors;
import nl.weerbaar.audit.AuditTrail;
import nl.weerbaar.audit.Verification;
import nl.weerbaar.platform.Command;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar weerbaar.jar audit-verify [--anchors FILE]}: walks the audit chain, and checks it against the hashes
 * anchored in a shipped audit stream when given; exit code 0 when intact, 1 when broken, 2 for a bad argument.
 */
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
		return "walk the audit chain and report the first broken record [--anchors <shipped audit stream>]";
	}

	@Override
	public int run(List<String> args) {
		SortedMap<Long, String> anchors = new TreeMap<>();
		for (int i = 0; i < args.size(); i++) {
			if (args.get(i).equals("--anchors") && i + 1 < args.size()) {
				Path file = Path.of(args.get(++i));
				try (var lines = Files.lines(file)) {
					anchors.putAll(AuditAnchors.parse(lines.toList()));
				}
				catch (IOException | UncheckedIOException e) {
					System.out.println("audit-verify: cannot read the anchors in " + file + ": " + e.getMessage());
					return 2;
				}
				System.out.printf("audit-verify: checking against %d anchored hashes from %s%n", anchors.size(), file);
			}
			else {
				System.out.println("usage: audit-verify [--anchors <shipped stream or head file>]...");
				return 2;
			}
		}
		long start = System.nanoTime();
		Verification result = trail.verify(anchors);
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
