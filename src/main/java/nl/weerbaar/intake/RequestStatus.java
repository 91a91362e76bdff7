package nl.weerbaar.intake;

/** Where a support request stands. {@link #CLOSED} and {@link #WITHDRAWN} are final. */
public enum RequestStatus {
	NEW, TRIAGED, MATCHING, ASSIGNED, ACTIVE, CLOSED, WITHDRAWN;

	public boolean isOpen() {
		return this != CLOSED && this != WITHDRAWN;
	}
}
