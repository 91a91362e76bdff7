package nl.weerbaar.registry;

public enum HomeFrontRelation {
	PARTNER, CHILD, OTHER_HOUSEHOLD
}
