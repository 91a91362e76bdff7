package nl.weerbaar.security;

/**
 * What one administrator may ask and only another may carry out (ASVS V2.3.5, V6.4.4): each of these would let a
 * single administrator take an account over, or make themselves a second administrator.
 */
public enum ApprovalAction {

	/** Remove every second factor of the account: its owner enrols anew. */
	FACTOR_RESET,

	/** A one-time link for the owner to choose a new password. */
	SETUP_LINK,

	/** Give the account the administrator role. */
	GRANT_ADMIN
}
