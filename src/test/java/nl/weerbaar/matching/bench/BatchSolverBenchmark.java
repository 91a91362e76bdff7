package nl.weerbaar.matching.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import nl.weerbaar.matching.BatchSolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The batch solver at two sizes: a mass incident (300 requests, 60 supporters, 70% of pairs eligible) and the largest
 * batch allowed (1,000 requests, 400 supporters, 30% eligible). Run with {@code bench/jmh.sh BatchSolver}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchSolverBenchmark {

	@Param({ "300x60", "1000x400" })
	public String size;

	private BatchSolver.Problem problem;

	@Setup
	public void build() {
		int requests = Integer.parseInt(size.split("x")[0]);
		int supporters = Integer.parseInt(size.split("x")[1]);
		int eligible = requests <= 300 ? 7 : 3;
		Random random = new Random(requests);
		int[] tiers = new int[requests];
		for (int r = 0; r < requests; r++) {
			tiers[r] = random.nextInt(100) < 85 ? 0 : 1 + random.nextInt(3);
		}
		int[] room = new int[supporters];
		for (int s = 0; s < supporters; s++) {
			room[s] = 1 + random.nextInt(4);
		}
		List<BatchSolver.Candidate> candidates = new ArrayList<>();
		for (int r = 0; r < requests; r++) {
			for (int s = 0; s < supporters; s++) {
				if (random.nextInt(10) < eligible) {
					candidates.add(new BatchSolver.Candidate(r, s, random.nextInt(150)));
				}
			}
		}
		problem = new BatchSolver.Problem(tiers, room, candidates);
	}

	@Benchmark
	public BatchSolver.Solution solve() {
		return BatchSolver.solve(problem);
	}
}
