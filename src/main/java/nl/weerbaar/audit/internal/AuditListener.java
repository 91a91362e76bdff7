package nl.weerbaar.audit.internal;

import nl.weerbaar.audit.AuditTrail;
import nl.weerbaar.shared.AuditableEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every {@link AuditableEvent} as it is published, synchronously: if the trail cannot be written, the action
 * that published the event fails too (fail closed).
 */
@Component
class AuditListener {

	private final AuditTrail trail;

	AuditListener(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(AuditableEvent event) {
		trail.append(event.auditEntry());
	}
}
