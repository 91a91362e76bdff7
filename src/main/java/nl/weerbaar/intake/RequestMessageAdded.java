package nl.weerbaar.intake;

import java.util.UUID;

import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.shared.AuditableEvent;

/** A coordinator wrote to the requester, or the requester added information. */
public record RequestMessageAdded(UUID request, String author, UUID by, String role) implements AuditableEvent {

	@Override
	public AuditEntry auditEntry() {
		return AuditEntry.allowed(by, role, "REQUEST_MESSAGE_ADDED", "SUPPORT_REQUEST", request.toString());
	}
}
