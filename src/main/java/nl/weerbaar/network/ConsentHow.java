package nl.weerbaar.network;

/** How the client gave their consent. */
public enum ConsentHow {
	VERBAL, IN_WRITING, BY_CLIENT_ONLINE
}
