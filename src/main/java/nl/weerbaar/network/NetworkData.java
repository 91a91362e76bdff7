package nl.weerbaar.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What is sent to the network: partners, consents, referrals and a partner's answer. */
public final class NetworkData {

	private NetworkData() {
	}

	/** A partner organisation; {@code code} is its short upper-case name (CCV, DJI, ARQ). */
	public record Partner(String code, String name, String description, List<String> services, Set<Instrument> instruments,
			String phone, String email, String website, Boolean active) {
	}

	/** The client's consent to share these fields with this partner, given on this day in this way. */
	public record Consent(UUID partnerId, Set<SharedField> fields, LocalDate givenOn, ConsentHow how) {
	}

	/**
	 * A referral: to whom, for what, which fields go along, a note for the partner (shared only when {@code NOTE} is
	 * among the fields). It needs a consent covering the partner and the fields; without one a coordinator may give
	 * {@code overrideReason}.
	 */
	public record Referral(UUID partnerId, Instrument instrument, Set<SharedField> fields, String note, String overrideReason) {
	}

	/** A partner's answer: the new status and a short message back. */
	public record StatusUpdate(ReferralStatus status, String message) {
	}
}
