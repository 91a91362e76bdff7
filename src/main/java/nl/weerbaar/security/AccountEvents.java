package nl.weerbaar.security;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.shared.AuditableEvent;

/** What happens to accounts and sign-ins; the audit trail records each (this module does not depend on it). */
public final class AccountEvents {

	private static final String ACCOUNT = "ACCOUNT";

	private AccountEvents() {
	}

	/** {@code by} is null when the system made the account (first administrator, demo accounts). */
	public record AccountCreated(AccountId account, Set<Role> roles, AccountId by) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(id(by), by == null ? null : Role.ADMIN.name(), "ACCOUNT_CREATED", ACCOUNT,
					account.toString());
		}
	}

	public record AccountRolesChanged(AccountId account, Set<Role> roles, AccountId by) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(id(by), Role.ADMIN.name(), "ROLES_CHANGED", ACCOUNT, account.toString());
		}
	}

	public record AccountEnabledChanged(AccountId account, boolean enabled, AccountId by) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(id(by), Role.ADMIN.name(), enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED",
					ACCOUNT, account.toString());
		}
	}

	public record PasswordChanged(AccountId account) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(account.value(), null, "PASSWORD_CHANGED", ACCOUNT, account.toString());
		}
	}

	public record SignedIn(AccountId account, Set<Role> roles, String origin) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(account.value(), joined(roles), "SIGN_IN", ACCOUNT, account.toString()).from(origin);
		}
	}

	/** A second factor was added or removed, recovery codes were made, or an administrator reset them all. */
	public record SecondFactorChanged(AccountId account, String change) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(account.value(), null, "FACTOR_" + change, ACCOUNT, account.toString());
		}
	}

	/** A sign-in was completed from a browser this account had not used before (the person is told). */
	public record SignedInFromNewBrowser(AccountId account) {
	}

	/** A signed-in person showed a factor again before a sensitive action. */
	public record StepUpVerified(AccountId account) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(account.value(), null, "STEP_UP", ACCOUNT, account.toString());
		}
	}

	/** A personal access token was made ({@code by} may be an administrator, for an integration account) or revoked. */
	public record AccessTokenChanged(AccountId account, UUID token, boolean created, AccountId by)
			implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by.value(), null, created ? "TOKEN_CREATED" : "TOKEN_REVOKED", "ACCESS_TOKEN",
					token.toString());
		}
	}

	/** An administrator issued a one-time set-up link, or its owner used it to choose a password. */
	public record SetupLinkChanged(AccountId account, boolean used, AccountId by) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(id(by), by == null ? null : Role.ADMIN.name(),
					used ? "SETUP_LINK_USED" : "SETUP_LINK_ISSUED", ACCOUNT, account.toString());
		}
	}

	/**
	 * The address where a person hears about their account's security was set, changed or cleared (by the person or an
	 * administrator): a takeover would start here, so it is recorded, and the previous address is told.
	 */
	public record NotificationAddressChanged(AccountId account, AccountId by) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by.value(), null, "NOTIFICATION_ADDRESS_CHANGED", ACCOUNT, account.toString());
		}
	}

	/** A person ended some of their own sessions. */
	public record SessionsEnded(AccountId account, int count) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(account.value(), null, "SESSIONS_ENDED", ACCOUNT, account.toString());
		}
	}

	/**
	 * An administrator asked for a factor reset, a set-up link or the administrator role for an account; a second
	 * administrator decides. The account's owner is told.
	 */
	public record ApprovalRequested(AccountId account, ApprovalAction action, UUID request, AccountId by)
			implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by.value(), Role.ADMIN.name(), action.name() + "_REQUESTED", ACCOUNT,
					account.toString());
		}
	}

	/** A second administrator approved (and so carried out) or rejected a request. */
	public record ApprovalDecided(AccountId account, ApprovalAction action, UUID request, boolean approved,
			AccountId by) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by.value(), Role.ADMIN.name(),
					action.name() + (approved ? "_APPROVED" : "_REJECTED"), ACCOUNT, account.toString());
		}
	}

	/** Someone tried to decide a request they may not: their own, one for their own account. */
	public record ApprovalRefused(AccountId account, ApprovalAction action, UUID request, AccountId by)
			implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.denied(by.value(), Role.ADMIN.name(), action.name() + "_DECISION", ACCOUNT,
					account.toString());
		}
	}

	/**
	 * An administrator ended one account's sessions ({@code account} set) or everyone's but their own
	 * ({@code account} null).
	 */
	public record SessionsEndedByAdministrator(AccountId account, int count, AccountId by) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return account == null
					? AuditEntry.allowed(by.value(), Role.ADMIN.name(), "ALL_SESSIONS_ENDED", "SESSION", null)
					: AuditEntry.allowed(by.value(), Role.ADMIN.name(), "SESSIONS_ENDED", ACCOUNT, account.toString());
		}
	}

	/**
	 * A personal access token signed a request in: recorded once per token per interval, not for every request
	 * (V16.3.1 without flooding the trail).
	 */
	public record AccessTokenUsed(AccountId account, UUID token) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(account.value(), null, "TOKEN_USED", "ACCESS_TOKEN", token.toString());
		}
	}

	/**
	 * A request came with a token that is unknown, revoked or expired. It names no account and no token (what was sent
	 * may be anything); {@code origin} is the client's address.
	 */
	public record AccessTokenRejected(String origin) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.denied(null, null, "TOKEN_USED", "ACCESS_TOKEN", null).from(origin);
		}
	}

	/** A failed sign-in names no account: the username typed may be anyone's, or nobody's. */
	public record SignInFailed(String origin, boolean throttled) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.denied(null, null, throttled ? "SIGN_IN_THROTTLED" : "SIGN_IN", null, null).from(origin);
		}
	}

	/** A signed-in person was refused a page, an API call or a method. */
	public record AccessDenied(AccountId account, Set<Role> roles, String resource) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.denied(account.value(), joined(roles), "ACCESS", "PATH", resource);
		}
	}

	private static UUID id(AccountId account) {
		return account == null ? null : account.value();
	}

	static String joined(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}
}
