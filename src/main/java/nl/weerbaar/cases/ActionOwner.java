package nl.weerbaar.cases;

/** Who takes an agreed action on. */
public enum ActionOwner {
	SUPPORTER, CLIENT, COORDINATOR, PARTNER, OTHER
}
