package nl.weerbaar.intake;

public enum Perpetrator {
	UNKNOWN, KNOWN_PERSON, GROUP, ORGANISED_CRIME_SUSPECTED
}
