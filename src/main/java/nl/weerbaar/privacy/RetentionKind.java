package nl.weerbaar.privacy;

/** What kind of data a retention clock runs for; the periods are settings ({@code weerbaar.privacy.retention.*}). */
public enum RetentionKind {
	/** A case was closed: kept 2 years by default. */
	CLOSED_CASE,
	/** A request came in through the public form and was never confirmed: kept 90 days by default. */
	UNCONFIRMED_PUBLIC_REQUEST
}
