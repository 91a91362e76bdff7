package nl.weerbaar.security.internal;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;

import nl.weerbaar.security.AccountId;

/**
 * Who has given a right password and still owes a second factor. It is deliberately not an
 * {@code AccountPrincipal} and carries no role: nothing but the second-factor and enrolment pages accepts it.
 */
public record PendingSignIn(AccountId account, String username) implements Principal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	@Override
	public String getName() {
		return username;
	}

	/** The layout greets a signed-in person by name; here that is the username they typed. */
	public String getDisplayName() {
		return username;
	}
}
