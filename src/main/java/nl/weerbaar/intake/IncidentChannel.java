package nl.weerbaar.intake;

/** Where or through what an incident happened. */
public enum IncidentChannel {
	IN_PERSON, AT_HOME, SOCIAL_MEDIA, EMAIL, PHONE, LETTER, MEETING, OTHER
}
