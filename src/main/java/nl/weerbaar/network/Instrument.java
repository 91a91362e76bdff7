package nl.weerbaar.network;

/** What a referral is for: an instrument of the network, or another service of a partner. */
public enum Instrument {
	HOME_SECURITY_SCAN, TRAINING, AFTERCARE, POLICE_REPORT_GUIDANCE, OTHER
}
