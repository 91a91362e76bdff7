package nl.weerbaar.shared;

import java.util.UUID;

/**
 * What the audit trail records of one event (BIO 8.15: action, object, result, origin, actor, time; the time and,
 * when not given, the origin are added by the trail).
 *
 * @param actorId the account that acted; null for the system or for someone not signed in
 * @param actorRole the role it acted in, or null
 * @param action what happened, in upper snake case ({@code SIGN_IN}, {@code READ_CASE}, {@code EXPORT})
 * @param objectType the kind of object acted on ({@code ACCOUNT}, {@code CASE}), or null
 * @param objectId its id, never a name; or null
 * @param allowed false when the action was refused
 * @param origin the network address it came from, or null to take the current request's
 */
public record AuditEntry(UUID actorId, String actorRole, String action, String objectType, String objectId,
		boolean allowed, String origin) {

	public AuditEntry {
		if (action == null || !action.matches("[A-Z][A-Z_]{1,63}")) {
			throw new IllegalArgumentException("an audit action is one upper-case word or more, joined by _");
		}
	}

	public static AuditEntry allowed(UUID actorId, String actorRole, String action, String objectType, String objectId) {
		return new AuditEntry(actorId, actorRole, action, objectType, objectId, true, null);
	}

	public static AuditEntry denied(UUID actorId, String actorRole, String action, String objectType, String objectId) {
		return new AuditEntry(actorId, actorRole, action, objectType, objectId, false, null);
	}

	public AuditEntry from(String origin) {
		return new AuditEntry(actorId, actorRole, action, objectType, objectId, allowed, origin);
	}
}
