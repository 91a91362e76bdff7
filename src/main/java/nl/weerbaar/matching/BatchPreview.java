package nl.weerbaar.matching;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.weerbaar.intake.ConcernLevel;

/**
 * What the batch would do: the assignments (not made yet), the requests left without a supporter with why, and how
 * many got one per level of concern. The coordinator commits the assignments they keep; the commit checks again.
 */
public record BatchPreview(List<Assignment> assignments, List<Unassigned> unassigned, Map<String, Integer> assignedPerLevel,
		int requests, long solveMillis) {

	public record Assignment(UUID requestId, String reference, ConcernLevel level, UUID supporterId, String supporterName,
			int score) {
	}

	public record Unassigned(UUID requestId, String reference, ConcernLevel level, List<Suggestions.ReasonView> reasons) {
	}

	/** What a commit did: proposals made, and those refused on the second check, with why. */
	public record Result(List<AssignmentView> proposed, List<Unassigned> refused) {
	}
}
