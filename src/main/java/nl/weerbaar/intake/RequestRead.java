package nl.weerbaar.intake;

import java.util.UUID;

import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.shared.AuditableEvent;

/**
 * Someone opened a request's content, or tried to and was refused (then the caller got a 404). {@code by} is null
 * for a requester who used their receipt code.
 */
public record RequestRead(UUID request, boolean allowed, UUID by, String role) implements AuditableEvent {

	@Override
	public AuditEntry auditEntry() {
		return allowed ? AuditEntry.allowed(by, role, "READ_CASE", "SUPPORT_REQUEST", request.toString())
				: AuditEntry.denied(by, role, "READ_CASE", "SUPPORT_REQUEST", request.toString());
	}
}
