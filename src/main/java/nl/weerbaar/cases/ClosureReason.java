package nl.weerbaar.cases;

/** Why a case was closed. */
public enum ClosureReason {
	RESOLVED, NO_LONGER_NEEDED, REFERRED_ON, NO_CONTACT, OTHER
}
