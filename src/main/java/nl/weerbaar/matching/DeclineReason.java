package nl.weerbaar.matching;

/** Why a supporter declined a proposal. */
public enum DeclineReason {
	NO_TIME, CONFLICT_OF_INTEREST, KNOWS_PERSON, OTHER
}
