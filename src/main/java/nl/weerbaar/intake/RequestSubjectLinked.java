package nl.weerbaar.intake;

import java.util.UUID;

import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.shared.AuditableEvent;

/** A pseudonymous request was linked to the office holder or home-front member it is about. */
public record RequestSubjectLinked(UUID request, UUID by, String role) implements AuditableEvent {

	@Override
	public AuditEntry auditEntry() {
		return AuditEntry.allowed(by, role, "REQUEST_SUBJECT_LINKED", "SUPPORT_REQUEST", request.toString());
	}
}
