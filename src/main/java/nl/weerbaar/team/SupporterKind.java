package nl.weerbaar.team;

/** Vertrouwenspersoon, expert or ervaringsdeskundige. */
public enum SupporterKind {
	CONFIDANT, EXPERT, PEER
}
