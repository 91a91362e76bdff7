package nl.weerbaar.matching;

import java.util.Arrays;
import java.util.List;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

/**
 * The optimal batch assignment after a mass incident, as one min-cost flow (OR-Tools): source → request (1) →
 * eligible supporter (1) → sink (the supporter's room), with a zero-cost bypass so that a request may stay unassigned.
 * Each assignment is worth a tier bonus for its request's level of concern, a count bonus and its score; every bonus
 * outweighs all that the ones below it can add together, so the cheapest flow first serves the higher levels (no
 * lower-level request gets a supporter a higher one could have had), then assigns as many as possible, then maximises
 * the total score. Exact; the instance is limited to {@value #MAX_REQUESTS} requests to keep the weights in 64 bits.
 */
public final class BatchSolver {

	public static final int MAX_REQUESTS = 1000;
	public static final int MAX_SCORE = 200;
	public static final int TIERS = 4;

	/** A supporter who passed the hard rules for a request, with their score (0 to {@value #MAX_SCORE}). */
	public record Candidate(int request, int supporter, int score) {
	}

	/**
	 * @param tiers per request its level of concern as 0 (low or not triaged) to 3 (acute)
	 * @param room per supporter how many more they can take
	 */
	public record Problem(int[] tiers, int[] room, List<Candidate> candidates) {

		public Problem {
			if (tiers.length > MAX_REQUESTS) {
				throw new IllegalArgumentException("at most " + MAX_REQUESTS + " requests in one batch");
			}
			for (int tier : tiers) {
				if (tier < 0 || tier >= TIERS) {
					throw new IllegalArgumentException("a tier is 0 to " + (TIERS - 1));
				}
			}
			for (Candidate candidate : candidates) {
				if (candidate.score() < 0 || candidate.score() > MAX_SCORE) {
					throw new IllegalArgumentException("a score is 0 to " + MAX_SCORE);
				}
			}
		}
	}

	/** Per request the supporter index it gets, or -1; and per tier how many were assigned, highest tier first. */
	public record Solution(int[] supporterOf, int[] assignedPerTier, int assigned, long totalScore) {
	}

	static {
		Loader.loadNativeLibraries();
	}

	private BatchSolver() {
	}

	public static Solution solve(Problem problem) {
		int n = problem.tiers().length;
		int m = problem.room().length;
		long[] tierBonus = tierBonuses(n);
		MinCostFlow flow = new MinCostFlow();
		int source = 0;
		int sink = n + m + 1;
		for (int r = 0; r < n; r++) {
			flow.addArcWithCapacityAndUnitCost(source, 1 + r, 1, 0);
		}
		int[] arcRequest = new int[problem.candidates().size()];
		int[] arcSupporter = new int[problem.candidates().size()];
		int[] arcs = new int[problem.candidates().size()];
		for (int i = 0; i < problem.candidates().size(); i++) {
			Candidate candidate = problem.candidates().get(i);
			long value = tierBonus[problem.tiers()[candidate.request()]] + candidate.score();
			arcs[i] = flow.addArcWithCapacityAndUnitCost(1 + candidate.request(), 1 + n + candidate.supporter(), 1, -value);
			arcRequest[i] = candidate.request();
			arcSupporter[i] = candidate.supporter();
		}
		for (int s = 0; s < m; s++) {
			flow.addArcWithCapacityAndUnitCost(1 + n + s, sink, Math.max(0, problem.room()[s]), 0);
		}
		flow.addArcWithCapacityAndUnitCost(source, sink, n, 0);
		flow.setNodeSupply(source, n);
		flow.setNodeSupply(sink, -n);
		MinCostFlowBase.Status status = flow.solve();
		if (status != MinCostFlowBase.Status.OPTIMAL) {
			throw new IllegalStateException("the batch could not be solved: " + status);
		}
		int[] supporterOf = new int[n];
		Arrays.fill(supporterOf, -1);
		int[] perTier = new int[TIERS];
		int assigned = 0;
		long total = 0;
		for (int i = 0; i < arcs.length; i++) {
			if (flow.getFlow(arcs[i]) > 0) {
				supporterOf[arcRequest[i]] = arcSupporter[i];
				perTier[TIERS - 1 - problem.tiers()[arcRequest[i]]]++;
				assigned++;
				total += problem.candidates().get(i).score();
			}
		}
		return new Solution(supporterOf, perTier, assigned, total);
	}

	/**
	 * A reproducible random instance, for the jar check and the benchmarks: 85% of requests low, the rest spread over the
	 * higher levels; room 1 to 4 per supporter; each pair eligible with the given chance, scoring below 150.
	 */
	public static Problem sample(int requests, int supporters, int eligiblePercent, long seed) {
		java.util.Random random = new java.util.Random(seed);
		int[] tiers = new int[requests];
		for (int r = 0; r < requests; r++) {
			tiers[r] = random.nextInt(100) < 85 ? 0 : 1 + random.nextInt(TIERS - 1);
		}
		int[] room = new int[supporters];
		for (int s = 0; s < supporters; s++) {
			room[s] = 1 + random.nextInt(4);
		}
		List<Candidate> candidates = new java.util.ArrayList<>();
		for (int r = 0; r < requests; r++) {
			for (int s = 0; s < supporters; s++) {
				if (random.nextInt(100) < eligiblePercent) {
					candidates.add(new Candidate(r, s, random.nextInt(150)));
				}
			}
		}
		return new Problem(tiers, room, candidates);
	}

	/**
	 * The worth of one assignment at each tier, before its score: a count bonus above everything scores can add, and
	 * each tier above everything the tiers below can add.
	 */
	static long[] tierBonuses(int n) {
		long count = (long) n * MAX_SCORE + 1;
		long[] bonus = new long[TIERS];
		bonus[0] = count;
		for (int tier = 1; tier < TIERS; tier++) {
			bonus[tier] = (long) n * (bonus[tier - 1] + MAX_SCORE) + 1;
		}
		return bonus;
	}
}
