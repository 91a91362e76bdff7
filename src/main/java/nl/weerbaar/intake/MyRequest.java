package nl.weerbaar.intake;

import java.time.Instant;
import java.util.UUID;

/** A client's own request in their list: its status and for whom, no content. */
public record MyRequest(UUID id, String reference, RequestStatus status, boolean homeFront, Instant createdAt,
		Instant updatedAt) {
}
