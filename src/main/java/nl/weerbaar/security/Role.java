package nl.weerbaar.security;

/** What a person may see and do in Weerbaar; see PRODUCT.md for who holds which role. */
public enum Role {
	CLIENT, COORDINATOR, SUPPORTER, PARTNER, ANALYST, ADMIN;

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}
}
