package nl.weerbaar.intake;

/** Who made the request: the person themselves, a coordinator taking a call or an e-mail, or someone on their behalf. */
public enum RequesterKind {
	SELF, COORDINATOR, ON_BEHALF
}
