package nl.weerbaar.intake;

/** How a request came in. {@link #PUBLIC_FORM} is set only by the public "Vraag hulp" page. */
public enum Channel {
	PHONE, WEB, EMAIL, ON_BEHALF, PUBLIC_FORM
}
