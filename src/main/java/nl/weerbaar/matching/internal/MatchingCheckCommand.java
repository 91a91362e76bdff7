package nl.weerbaar.matching.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
		Random random = new Random(300);
		int requests = 300;
		int supporters = 60;
		int[] tiers = new int[requests];
		for (int r = 0; r < requests; r++) {
			tiers[r] = random.nextInt(100) < 90 ? 0 : 1 + random.nextInt(3);
		}
		int[] room = new int[supporters];
		for (int s = 0; s < supporters; s++) {
			room[s] = 1 + random.nextInt(4);
		}
		List<BatchSolver.Candidate> candidates = new ArrayList<>();
		for (int r = 0; r < requests; r++) {
			for (int s = 0; s < supporters; s++) {
				if (random.nextInt(10) < 7) {
					candidates.add(new BatchSolver.Candidate(r, s, random.nextInt(150)));
				}
			}
		}
		long start = System.nanoTime();
		BatchSolver.Solution batch = BatchSolver.solve(new BatchSolver.Problem(tiers, room, candidates));
		long micros = (System.nanoTime() - start) / 1000;
		System.out.printf("matching-check: %s; a batch of %d requests and %d supporters (%d pairs): %d assigned in %.1f ms%n",
				right ? "OK" : "WRONG ANSWER", requests, supporters, candidates.size(), batch.assigned(), micros / 1000.0);
		return right ? 0 : 1;
	}
}
