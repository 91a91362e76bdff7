package nl.weerbaar.intake;

import java.time.LocalDate;
import java.util.UUID;

import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.shared.AuditableEvent;

/** An incident was recorded with a request; its categories, not its description. */
public record IncidentRecorded(UUID request, UUID incident, LocalDate occurredOn, IncidentKind kind, IncidentChannel channel,
		Perpetrator perpetrator, PoliceReport policeReport, boolean homeFrontInvolved, UUID by, String role)
		implements AuditableEvent {

	@Override
	public AuditEntry auditEntry() {
		return AuditEntry.allowed(by, role, "INCIDENT_RECORDED", "SUPPORT_REQUEST", request.toString());
	}
}
