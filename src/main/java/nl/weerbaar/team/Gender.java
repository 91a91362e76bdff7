package nl.weerbaar.team;

/** Recorded only when a supporter chose to, for requesters' wishes. */
public enum Gender {
	FEMALE, MALE, OTHER
}
