package nl.weerbaar.intake;

/** Whether a warning behaviour is present. */
public enum Answer {
	YES, NO, UNKNOWN
}
