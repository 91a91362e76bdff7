package nl.weerbaar.audit;

import java.time.Instant;
import java.util.UUID;

/** One record of the audit trail, as read back. */
public record AuditRecord(long seq, Instant occurredAt, UUID actorId, String actorRole, String action,
		String objectType, String objectId, String result, String origin, String hash) {
}
