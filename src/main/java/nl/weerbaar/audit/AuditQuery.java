package nl.weerbaar.audit;

import java.time.LocalDate;
import java.util.UUID;

/** Which records to find; every part is optional. The period runs from the start of {@code from} to the end of {@code to}. */
public record AuditQuery(UUID actorId, String objectType, String objectId, LocalDate from, LocalDate to) {

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null);
	}
}
