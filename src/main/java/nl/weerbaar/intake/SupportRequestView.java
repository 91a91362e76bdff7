package nl.weerbaar.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.weerbaar.registry.OfficeFunction;

/**
 * A support request, opened for someone allowed to see it. For a client, the triage (warning behaviours, evidence,
 * level, acute actions) and the reasons of status changes are left out: they are the coordinators' working notes.
 *
 * @param subjectKind {@code OFFICE_HOLDER}, {@code HOME_FRONT} or {@code PSEUDONYMOUS}
 * @param overdue the first contact is due and has not been made
 * @param next the statuses a coordinator may move it to now (assignment comes through matching)
 * @param sharedWithOfficeHolder for a home-front member's request: whether their office holder's account may see it;
 *        null for any other request
 */
public record SupportRequestView(UUID id, String reference, RequestStatus status, Channel channel,
		RequesterKind requestedBy, OnBehalf onBehalf, UUID subjectId, String subjectKind, UUID officeHolderId,
		String pseudonym, OfficeFunction function, String bodyCode, String bodyName, List<String> provinceCodes,
		String summary, Wishes wishes, String requesterContact, List<IncidentView> incidents,
		Map<WarningBehaviour, Answer> warningBehaviours, Map<WarningBehaviour, String> evidence,
		ConcernLevel concernLevel, Suggestion suggestion, Escalation escalation, Instant dueAt, boolean overdue,
		Instant firstContactAt, Instant createdAt, Instant updatedAt, List<StatusChangeView> history,
		List<MessageView> messages, Set<RequestStatus> next, Boolean sharedWithOfficeHolder) {

	public record IncidentView(UUID id, LocalDate occurredOn, LocalTime occurredAt, IncidentKind kind,
			IncidentChannel channel, Perpetrator perpetrator, PoliceReport policeReport, boolean homeFrontInvolved,
			String description, Instant recordedAt) {
	}

	public record Suggestion(ConcernLevel level, List<SuggestionReason> reasons) {
	}

	public record SuggestionReason(String code, ConcernLevel level, String text) {
	}

	/**
	 * For an acute request: the guidance shown, and what the coordinator recorded as done (required before the
	 * request moves on).
	 */
	public record Escalation(List<String> guidance, String actionsTaken, Instant recordedAt, boolean actionsRequired) {
	}

	public record StatusChangeView(RequestStatus from, RequestStatus to, String reason, String actorRole, Instant at) {
	}

	/** A message between the coordinators and the requester; {@code author} is {@code COORDINATOR} or {@code REQUESTER}. */
	public record MessageView(UUID id, String author, String body, Instant sentAt) {
	}
}
