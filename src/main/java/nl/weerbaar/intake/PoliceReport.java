package nl.weerbaar.intake;

/** Whether the police know: nothing, a report (melding), a formal police report (aangifte), or not known. */
public enum PoliceReport {
	NONE, REPORTED, POLICE_REPORT_FILED, UNKNOWN
}
