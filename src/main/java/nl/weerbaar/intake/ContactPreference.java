package nl.weerbaar.intake;

/** How the requester would like to be contacted. */
public enum ContactPreference {
	PHONE, EMAIL, VIDEO, IN_PERSON
}
