package nl.weerbaar.matching.internal;

import java.util.List;

import nl.weerbaar.matching.BatchSolver;
import nl.weerbaar.platform.Command;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar weerbaar.jar matching-check}: proves that the batch solver's native library loads on this machine
 * (from the packaged jar) and gives the known answer; then times one mass-incident-sized batch. Exit code 0 when right.
 */
@Component
class MatchingCheckCommand implements Command {

	@Override
	public String name() {
		return "matching-check";
	}

	@Override
	public String description() {
		return "check that the batch solver loads and solves correctly here";
	}

	@Override
	public int run(List<String> args) {
		// three requests, two supporters with one place each: the acute one gets supporter 0 despite lower scores
		BatchSolver.Solution known = BatchSolver.solve(new BatchSolver.Problem(new int[] { 0, 0, 3 }, new int[] { 1, 1 },
				List.of(new BatchSolver.Candidate(0, 0, 200), new BatchSolver.Candidate(1, 0, 200), new BatchSolver.Candidate(2, 0, 1),
						new BatchSolver.Candidate(1, 1, 5))));
		boolean right = java.util.Arrays.equals(known.supporterOf(), new int[] { -1, 1, 0 });
		BatchSolver.Problem sample = BatchSolver.sample(300, 60, 70, 300);
		long start = System.nanoTime();
		BatchSolver.Solution batch = BatchSolver.solve(sample);
		long micros = (System.nanoTime() - start) / 1000;
		System.out.printf("matching-check: %s; a batch of %d requests and %d supporters (%d pairs): %d assigned in %.1f ms%n",
				right ? "OK" : "WRONG ANSWER", sample.tiers().length, sample.room().length, sample.candidates().size(), batch.assigned(),
				micros / 1000.0);
		return right ? 0 : 1;
	}
}
