package nl.weerbaar.intake;

import java.time.Instant;
import java.util.UUID;

import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.shared.AuditableEvent;

/** A request for support came in. Carries categories for monitoring, never content; {@code by} is null for the public form. */
public record SupportRequested(UUID request, Channel channel, OfficeFunction function, String bodyCode, boolean homeFront,
		Instant at, UUID by, String role) implements AuditableEvent {

	@Override
	public AuditEntry auditEntry() {
		return AuditEntry.allowed(by, role, "SUPPORT_REQUESTED", "SUPPORT_REQUEST", request.toString());
	}
}
