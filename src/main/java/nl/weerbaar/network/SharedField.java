package nl.weerbaar.network;

/** A piece of data a client may consent to share with a partner; nothing else is ever shared. */
public enum SharedField {
	NAME, FUNCTION, BODY, EMAIL, PHONE, INCIDENT_KINDS, NOTE
}
