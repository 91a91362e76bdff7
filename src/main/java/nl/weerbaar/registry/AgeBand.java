package nl.weerbaar.registry;

/** A child's age as a band, never a birth date. */
public enum AgeBand {
	AGE_0_3, AGE_4_11, AGE_12_17, AGE_18_PLUS
}
