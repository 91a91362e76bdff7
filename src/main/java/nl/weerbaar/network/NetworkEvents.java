package nl.weerbaar.network;

import java.util.UUID;

import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.shared.AuditableEvent;

/** What happens in the network; each is recorded in the audit trail with ids only. */
public final class NetworkEvents {

	private static final String REFERRAL = "REFERRAL";

	private NetworkEvents() {
	}

	public record PartnerChanged(UUID partner, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "PARTNER_CHANGED", "PARTNER", partner.toString());
		}
	}

	public record ConsentRecorded(UUID consent, UUID caseId, UUID partner, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "CONSENT_RECORDED", "CONSENT", consent.toString());
		}
	}

	/** Consent was withdrawn; {@code revoked} referrals resting on it were revoked and their shared data wiped. */
	public record ConsentWithdrawn(UUID consent, UUID caseId, int revoked, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "CONSENT_WITHDRAWN", "CONSENT", consent.toString());
		}
	}

	/** A referral was sent; {@code overridden} when a coordinator sent it without consent (with a recorded reason). */
	public record ReferralSent(UUID referral, UUID caseId, UUID partner, boolean overridden, UUID by, String role)
			implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, overridden ? "REFERRAL_SENT_WITHOUT_CONSENT" : "REFERRAL_SENT", REFERRAL,
					referral.toString());
		}
	}

	public record ReferralStatusChanged(UUID referral, ReferralStatus from, ReferralStatus to, UUID by, String role)
			implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "REFERRAL_" + to.name(), REFERRAL, referral.toString());
		}
	}

	/** Someone opened a referral (a partner: the shared data), or was refused. */
	public record ReferralRead(UUID referral, boolean allowed, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return new AuditEntry(by, role, "READ_REFERRAL", REFERRAL, referral.toString(), allowed, null);
		}
	}
}
