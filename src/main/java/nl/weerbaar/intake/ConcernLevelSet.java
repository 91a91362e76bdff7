package nl.weerbaar.intake;

import java.util.UUID;

import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.shared.AuditableEvent;

/** A coordinator set the level of concern; {@code suggested} is what the rules suggested at that moment. */
public record ConcernLevelSet(UUID request, ConcernLevel previous, ConcernLevel level, ConcernLevel suggested, UUID by,
		String role) implements AuditableEvent {

	@Override
	public AuditEntry auditEntry() {
		return AuditEntry.allowed(by, role, "CONCERN_LEVEL_SET", "SUPPORT_REQUEST", request.toString());
	}
}
