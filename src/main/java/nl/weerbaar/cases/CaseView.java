package nl.weerbaar.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.weerbaar.intake.ConcernLevel;
import nl.weerbaar.intake.RequestStatus;
import nl.weerbaar.intake.SupportRequestView;

/**
 * A case, opened for its supporter or a coordinator: the contacts, agreed actions and follow-up, and a timeline of
 * everything that happened, the request's status changes included.
 *
 * @param nextDue the first thing due: the first contact, an open action or the follow-up; null when nothing is
 * @param overdue {@code nextDue} has passed
 * @param messages those between the client and the team (the request's)
 */
public record CaseView(UUID id, UUID supportRequestId, String reference, CaseStatus status, RequestStatus requestStatus,
		ConcernLevel concernLevel, UUID supporterId, String supporterName, Instant openedAt, Instant firstContactDue,
		Instant firstContactAt, LocalDate nextFollowUp, Due nextDue, boolean overdue, List<ContactView> contacts,
		List<ActionView> actions, List<TimelineEntry> timeline, List<SupportRequestView.MessageView> messages, ClosureView closure,
		EvaluationView evaluation) {

	/** Something due: {@code FIRST_CONTACT}, {@code ACTION} or {@code FOLLOW_UP}, and when. */
	public record Due(String kind, Instant at) {
	}

	public record ContactView(UUID id, Instant occurredAt, ContactMode mode, Integer minutes, String note, Instant recordedAt) {
	}

	public record ActionView(UUID id, String what, ActionOwner who, LocalDate dueOn, boolean done, Instant doneAt,
			boolean overdue, Instant createdAt) {
	}

	/**
	 * One line of the case's history, newest first. {@code kind} is {@code OPENED}, {@code CONTACT},
	 * {@code ACTION_AGREED}, {@code ACTION_DONE}, {@code FOLLOW_UP_SET}, {@code TRANSFERRED}, {@code CLOSED},
	 * {@code EVALUATED} or {@code STATUS} (the request's, with {@code detail} "FROM → TO").
	 */
	public record TimelineEntry(Instant at, String kind, String detail, String actorRole) {
	}

	public record ClosureView(ClosureReason reason, String summary, Instant closedAt) {
	}

	public record EvaluationView(int satisfaction, boolean wouldRecommend, String comment, Instant submittedAt) {
	}
}
