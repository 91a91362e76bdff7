package nl.weerbaar.cases;

/** A case is open from the supporter's acceptance until it is closed. */
public enum CaseStatus {
	OPEN, CLOSED
}
