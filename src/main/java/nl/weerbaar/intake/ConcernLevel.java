package nl.weerbaar.intake;

/** The level of concern a coordinator sets (zorgniveau); ordered from low to acute. */
public enum ConcernLevel {
	LOW, MODERATE, HIGH, ACUTE;

	public ConcernLevel atLeast(ConcernLevel other) {
		return other.compareTo(this) > 0 ? other : this;
	}
}
