package nl.weerbaar.registry;

/** The kinds of public body an office holder serves in. */
public enum BodyKind {
	MUNICIPALITY, PROVINCE, WATER_BOARD
}
