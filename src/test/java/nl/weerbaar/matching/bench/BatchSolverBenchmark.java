package nl.weerbaar.matching.bench;

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
		problem = BatchSolver.sample(requests, supporters, requests <= 300 ? 70 : 30, requests);
	}

	@Benchmark
	public BatchSolver.Solution solve() {
		return BatchSolver.solve(problem);
	}
}
