package nl.weerbaar.cases;

/** How a supporter and a client were in touch. */
public enum ContactMode {
	PHONE, VIDEO, IN_PERSON, MESSAGE
}
