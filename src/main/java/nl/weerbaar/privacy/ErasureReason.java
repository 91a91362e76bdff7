package nl.weerbaar.privacy;

/** Why a person's data is erased on request (coded, so that no free text about them outlives the erasure). */
public enum ErasureReason {
	SUBJECT_REQUEST, CONSENT_WITHDRAWN, NO_LONGER_NEEDED, UNLAWFUL_PROCESSING
}
