package nl.weerbaar.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.weerbaar.matching.BatchSolver.Candidate;
import nl.weerbaar.matching.BatchSolver.Problem;
import nl.weerbaar.matching.BatchSolver.Solution;

import static org.assertj.core.api.Assertions.assertThat;

class BatchSolverProperties {

	@Property(tries = 300)
	void equalsBruteForceOnSmallInstances(@ForAll("problems") Problem problem) {
		Solution solution = BatchSolver.solve(problem);
		long[] best = bruteForce(problem);
		assertThat(objective(problem, solution.supporterOf())).as("lexicographic objective").containsExactly(best);
	}

	@Property(tries = 300)
	void neverAssignsOutsideTheCandidatesNorBeyondARoom(@ForAll("problems") Problem problem) {
		Solution solution = BatchSolver.solve(problem);
		int[] used = new int[problem.room().length];
		for (int r = 0; r < solution.supporterOf().length; r++) {
			int s = solution.supporterOf()[r];
			if (s >= 0) {
				used[s]++;
				int request = r;
				assertThat(problem.candidates()).as("only eligible pairs").anyMatch(c -> c.request() == request && c.supporter() == s);
			}
		}
		for (int s = 0; s < used.length; s++) {
			assertThat(used[s]).as("supporter " + s).isLessThanOrEqualTo(Math.max(0, problem.room()[s]));
		}
	}

	@Property(tries = 300)
	void noLowerLevelRequestHoldsASupporterAnUnservedHigherOneCouldHaveHad(@ForAll("problems") Problem problem) {
		int[] of = BatchSolver.solve(problem).supporterOf();
		for (Candidate high : problem.candidates()) {
			if (of[high.request()] >= 0) {
				continue;
			}
			for (int low = 0; low < of.length; low++) {
				if (of[low] == high.supporter()) {
					assertThat(problem.tiers()[low]).as("request " + low + " holds supporter " + high.supporter()
							+ " that unserved request " + high.request() + " could have had").isGreaterThanOrEqualTo(problem.tiers()[high.request()]);
				}
			}
		}
	}

	@Example
	void anAcuteRequestGetsTheOnlySupporterBeforeTwoLowOnesWithHigherScores() {
		Problem problem = new Problem(new int[] { 0, 0, 3 }, new int[] { 1, 1 },
				List.of(new Candidate(0, 0, 200), new Candidate(1, 0, 200), new Candidate(2, 0, 1), new Candidate(1, 1, 5)));
		Solution solution = BatchSolver.solve(problem);
		assertThat(solution.supporterOf()).containsExactly(-1, 1, 0);
		assertThat(solution.assignedPerTier()).containsExactly(1, 0, 0, 1);
	}

	@Provide
	Arbitrary<Problem> problems() {
		Arbitrary<int[]> tiers = Arbitraries.integers().between(0, 3).array(int[].class).ofMinSize(1).ofMaxSize(5);
		Arbitrary<int[]> rooms = Arbitraries.integers().between(0, 2).array(int[].class).ofMinSize(1).ofMaxSize(3);
		return Combinators.combine(tiers, rooms).flatAs((t, r) -> Arbitraries.integers().between(0, 200).list().ofSize(t.length * r.length)
			.flatMap(scores -> Arbitraries.of(true, false).list().ofSize(t.length * r.length).map(eligible -> {
				List<Candidate> candidates = new ArrayList<>();
				for (int i = 0; i < t.length; i++) {
					for (int j = 0; j < r.length; j++) {
						if (eligible.get(i * r.length + j)) {
							candidates.add(new Candidate(i, j, scores.get(i * r.length + j)));
						}
					}
				}
				return new Problem(t, r, candidates);
			})));
	}

	/** Assigned per tier (acute first), then assigned in all, then total score. */
	private static long[] objective(Problem problem, int[] supporterOf) {
		long[] objective = new long[BatchSolver.TIERS + 2];
		for (int r = 0; r < supporterOf.length; r++) {
			if (supporterOf[r] >= 0) {
				int request = r;
				objective[BatchSolver.TIERS - 1 - problem.tiers()[r]]++;
				objective[BatchSolver.TIERS]++;
				objective[BatchSolver.TIERS + 1] += problem.candidates().stream()
					.filter(c -> c.request() == request && c.supporter() == supporterOf[request])
					.findFirst().orElseThrow().score();
			}
		}
		return objective;
	}

	private static long[] bruteForce(Problem problem) {
		int[] current = new int[problem.tiers().length];
		Arrays.fill(current, -1);
		long[][] best = { objective(problem, current) };
		search(problem, 0, current, new int[problem.room().length], best);
		return best[0];
	}

	private static void search(Problem problem, int request, int[] current, int[] used, long[][] best) {
		if (request == current.length) {
			long[] value = objective(problem, current);
			if (Arrays.compare(value, best[0]) > 0) {
				best[0] = value;
			}
			return;
		}
		current[request] = -1;
		search(problem, request + 1, current, used, best);
		for (Candidate candidate : problem.candidates()) {
			if (candidate.request() == request && used[candidate.supporter()] < problem.room()[candidate.supporter()]) {
				used[candidate.supporter()]++;
				current[request] = candidate.supporter();
				search(problem, request + 1, current, used, best);
				used[candidate.supporter()]--;
				current[request] = -1;
			}
		}
	}
}
