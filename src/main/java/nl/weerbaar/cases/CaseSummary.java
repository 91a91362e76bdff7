package nl.weerbaar.cases;

import java.time.Instant;
import java.util.UUID;

import nl.weerbaar.intake.ConcernLevel;

/** A case in a list: no content, just what to sort and pick by. */
public record CaseSummary(UUID id, UUID supportRequestId, String reference, CaseStatus status, ConcernLevel concernLevel,
		UUID supporterId, String supporterName, Instant openedAt, CaseView.Due nextDue, boolean overdue, Instant closedAt) {
}
