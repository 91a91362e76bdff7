package nl.weerbaar.intake;

import java.util.UUID;

import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.shared.AuditableEvent;

/** A home-front member shared their request with their office holder, or stopped sharing it. */
public record RequestSharingChanged(UUID request, boolean shared, UUID by, String role) implements AuditableEvent {

	@Override
	public AuditEntry auditEntry() {
		return AuditEntry.allowed(by, role, shared ? "REQUEST_SHARED" : "REQUEST_UNSHARED", "SUPPORT_REQUEST",
				request.toString());
	}
}
