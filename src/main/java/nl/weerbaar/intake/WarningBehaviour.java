package nl.weerbaar.intake;

/** The eight warning behaviours of threat assessment (Meloy's TRAP-18 proximal warning behaviours). */
public enum WarningBehaviour {
	PATHWAY, FIXATION, IDENTIFICATION, NOVEL_AGGRESSION, ENERGY_BURST, LEAKAGE, DIRECTLY_COMMUNICATED_THREAT, LAST_RESORT
}
