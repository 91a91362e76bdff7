package nl.weerbaar.intake;

import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.shared.AuditableEvent;

/**
 * The anonymous route refused something that looks like an attack rather than a slip (ASVS V16.3.3): the honeypot
 * field filled in, a form token that is not ours, a receipt code that does not exist. Recorded as a refusal with no
 * actor, no address (the trail keeps none for people who are not signed in), no code and nothing typed: only what
 * happened. Each is reached only within the route's per-address rate limits, so a bot cannot flood the trail.
 */
public record PublicRouteRefused(Reason reason) implements AuditableEvent {

	public enum Reason {
		/** The hidden field only a bot fills in. */
		HONEYPOT,
		/** A form token with a wrong signature or shape: forged or tampered with (an expired one is not recorded). */
		FORGED_FORM_TOKEN,
		/** A receipt code that matches no request. */
		WRONG_RECEIPT_CODE
	}

	@Override
	public AuditEntry auditEntry() {
		return AuditEntry.denied(null, null, "PUBLIC_" + reason.name(), "PUBLIC_ROUTE", null);
	}
}
