package nl.weerbaar.security;

import java.util.Set;

/** What happens to accounts, for the audit trail (which listens; this module does not depend on it). */
public final class AccountEvents {

	private AccountEvents() {
	}

	public record AccountCreated(AccountId account, Set<Role> roles, AccountId by) {
	}

	public record AccountRolesChanged(AccountId account, Set<Role> roles, AccountId by) {
	}

	public record AccountEnabledChanged(AccountId account, boolean enabled, AccountId by) {
	}

	public record PasswordChanged(AccountId account) {
	}

	public record SignedIn(AccountId account, String origin) {
	}

	/** A failed sign-in names no account: the username typed may be anyone's, or nobody's. */
	public record SignInFailed(String origin, boolean throttled) {
	}
}
