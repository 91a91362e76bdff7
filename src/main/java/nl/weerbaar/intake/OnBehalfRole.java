package nl.weerbaar.intake;

/** The role of someone asking on an office holder's behalf. */
public enum OnBehalfRole {
	GRIFFIER, MUNICIPAL_SECRETARY, MAYOR, OTHER
}
