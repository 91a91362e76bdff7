package nl.weerbaar.matching;

import java.time.Instant;
import java.util.UUID;

/** A proposal of a supporter for a request, as coordinators and that supporter see it (no case content). */
public record AssignmentView(UUID id, UUID requestId, String reference, UUID supporterId, String supporterName,
		AssignmentStatus status, int score, Instant proposedAt, Instant expiresAt, Instant answeredAt,
		DeclineReason declineReason) {
}
