package nl.weerbaar.intake;

import java.time.Instant;
import java.util.UUID;

import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.shared.AuditableEvent;

/** A request moved from one status to another; the reason stays with the request (sealed), not in the event. */
public record RequestStatusChanged(UUID request, RequestStatus from, RequestStatus to, Instant at, UUID by, String role)
		implements AuditableEvent {

	@Override
	public AuditEntry auditEntry() {
		return AuditEntry.allowed(by, role, "REQUEST_STATUS_CHANGED", "SUPPORT_REQUEST", request.toString());
	}
}
