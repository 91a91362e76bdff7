package nl.weerbaar.network;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What the network shows: to staff, to the client, to a partner. */
public final class NetworkViews {

	private NetworkViews() {
	}

	public record PartnerView(UUID id, String code, String name, String description, List<String> services,
			Set<Instrument> instruments, String phone, String email, String website, boolean active) {
	}

	/** A consent as recorded; {@code withdrawnAt} is set once the client withdrew it. */
	public record ConsentView(UUID id, UUID partnerId, String partnerName, Set<SharedField> fields, LocalDate givenOn,
			ConsentHow how, String recordedByRole, Instant recordedAt, boolean active, Instant withdrawnAt, String withdrawnByRole) {
	}

	public record UpdateView(ReferralStatus from, ReferralStatus to, String message, String actorRole, Instant at) {
	}

	/**
	 * A referral as the case sees it: which fields went along (not their values), on which consent, or the coordinator's
	 * override and its reason.
	 */
	public record ReferralView(UUID id, UUID caseId, UUID partnerId, String partnerName, Instrument instrument,
			Set<SharedField> fields, ReferralStatus status, UUID consentId, boolean overridden, String overrideReason, String note,
			Instant createdAt, Instant updatedAt, List<UpdateView> updates) {
	}

	/** A referral as the client sees it: to whom, for what, where it stands. */
	public record ClientReferralView(UUID id, String partnerName, Instrument instrument, ReferralStatus status, Instant updatedAt) {
	}

	/**
	 * A referral as its partner sees it: only the consented fields, by field; empty once consent was withdrawn
	 * ({@code sharedWithdrawn}).
	 */
	public record PartnerReferralView(UUID id, Instrument instrument, ReferralStatus status, Instant createdAt, Instant updatedAt,
			Map<SharedField, String> shared, boolean sharedWithdrawn, List<UpdateView> updates, Set<ReferralStatus> next) {
	}

	/** A referral in the partner's list: no personal data. */
	public record PartnerReferralItem(UUID id, Instrument instrument, ReferralStatus status, Instant createdAt, Instant updatedAt) {
	}
}
