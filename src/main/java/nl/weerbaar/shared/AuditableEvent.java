package nl.weerbaar.shared;

/**
 * An event that the audit trail records. Modules publish their own event types and say here what the trail keeps of
 * them: who, what, which object, the result; never content. The audit module listens for this type only, so it
 * depends on no other module.
 */
public interface AuditableEvent {

	AuditEntry auditEntry();
}
