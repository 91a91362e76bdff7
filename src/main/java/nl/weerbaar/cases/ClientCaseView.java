package nl.weerbaar.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.weerbaar.intake.RequestStatus;

/**
 * A case as its client sees it: who supports them and how to reach them, the agreed next steps and the next
 * follow-up; never the supporter's notes.
 *
 * @param evaluationInvited the case is closed and the client has not given their evaluation yet
 */
public record ClientCaseView(UUID id, UUID supportRequestId, String reference, CaseStatus status,
		RequestStatus requestStatus, String supporterFirstName, String supporterEmail, String supporterPhone,
		List<CaseView.ActionView> nextSteps, LocalDate nextFollowUp, ClosureReason closureReason, Instant closedAt,
		boolean evaluationInvited, CaseView.EvaluationView evaluation) {
}
