package nl.weerbaar.network;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a referral stands: sent, then accepted or declined by the partner, done; revoked when the case withdraws it
 * or the consent it rests on is withdrawn.
 */
public enum ReferralStatus {
	SENT, ACCEPTED, DONE, DECLINED, REVOKED;

	public boolean isFinal() {
		return this == DONE || this == DECLINED || this == REVOKED;
	}

	/** What a partner may set now. */
	public Set<ReferralStatus> partnerMoves() {
		return switch (this) {
			case SENT -> EnumSet.of(ACCEPTED, DECLINED, DONE);
			case ACCEPTED -> EnumSet.of(DONE, DECLINED);
			default -> EnumSet.noneOf(ReferralStatus.class);
		};
	}
}
