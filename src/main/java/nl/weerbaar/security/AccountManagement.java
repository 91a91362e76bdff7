package nl.weerbaar.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import nl.weerbaar.security.AccountEvents.AccountCreated;
import nl.weerbaar.security.AccountEvents.AccountEnabledChanged;
import nl.weerbaar.security.AccountEvents.AccountRolesChanged;
import nl.weerbaar.security.AccountEvents.PasswordChanged;
import nl.weerbaar.security.AccountEvents.SetupLinkChanged;
import nl.weerbaar.security.internal.AccessTokens;
import nl.weerbaar.security.internal.Account;
import nl.weerbaar.security.internal.Accounts;
import nl.weerbaar.security.internal.PasswordPolicy;
import nl.weerbaar.security.internal.SecondFactors;
import nl.weerbaar.security.internal.SessionControl;
import nl.weerbaar.security.internal.SetupLinks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating accounts, setting their roles, and changing passwords. */
@Service
@Transactional
public class AccountManagement {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

	private final Accounts accounts;
	private final PasswordEncoder passwordEncoder;
	private final SessionControl sessions;
	private final SecondFactors factors;
	private final SetupLinks setupLinks;
	private final AccessTokens tokens;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AccountManagement(Accounts accounts, PasswordEncoder passwordEncoder, SessionControl sessions,
			SecondFactors factors, SetupLinks setupLinks, AccessTokens tokens, ApplicationEventPublisher events,
			Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
		this.factors = factors;
		this.setupLinks = setupLinks;
		this.tokens = tokens;
		this.events = events;
		this.clock = clock;
	}

	/** What an administrator sees of an account. */
	public record AccountSummary(AccountId id, String username, String displayName, Set<Role> roles, boolean enabled,
			boolean mustChangePassword, Instant createdAt, boolean integration) {

		static AccountSummary of(Account account) {
			return new AccountSummary(account.id(), account.username(), account.displayName(), account.roles(),
					account.enabled(), account.mustChangePassword(), account.createdAt(), account.integration());
		}
	}

	/** A new account and the one-time password to hand over; it is shown once and must be replaced at sign-in. */
	public record CreatedAccount(AccountSummary account, String initialPassword) {
	}

	/** A request was refused for a reason the person can fix; {@code messageKey} explains it in their language. */
	public static class AccountRefused extends RuntimeException {

		private final String field;
		private final String messageKey;

		public AccountRefused(String field, String messageKey) {
			super(messageKey);
			this.field = field;
			this.messageKey = messageKey;
		}

		public String field() {
			return field;
		}

		public String messageKey() {
			return messageKey;
		}
	}

	/**
	 * A new account. A person's gets a one-time password to hand over; an integration account (another system,
	 * {@code integration}) gets no usable password at all and works with tokens an administrator makes for it.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public CreatedAccount create(String username, String displayName, Set<Role> roles, boolean integration,
			AccountId by) {
		if (roles == null || roles.isEmpty()) {
			throw new AccountRefused("roles", "account.roles.required");
		}
		String normalized = normalizeUsername(username);
		if (!USERNAME.matcher(normalized).matches()) {
			throw new AccountRefused("username", "account.username.invalid");
		}
		checkDisplayName(displayName);
		if (accounts.existsByUsername(normalized)) {
			throw new AccountRefused("username", "account.username.taken");
		}
		String password = PasswordPolicy.generate();
		Account account = integration
				? Account.integration(normalized, displayName.strip(), roles,
						passwordEncoder.encode(PasswordPolicy.generate()), clock.instant())
				: Account.create(normalized, displayName.strip(), roles, passwordEncoder.encode(password), true,
						clock.instant());
		try {
			accounts.save(account);
		}
		catch (DuplicateKeyException raceWithAnotherAdmin) {
			throw new AccountRefused("username", "account.username.taken");
		}
		events.publishEvent(new AccountCreated(account.id(), account.roles(), by));
		return new CreatedAccount(AccountSummary.of(account), integration ? null : password);
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public Page<AccountSummary> list(Pageable pageable) {
		return accounts.findAllByOrderByUsername(pageable).map(AccountSummary::of);
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public Optional<AccountSummary> find(AccountId id) {
		return accounts.findById(id.value()).map(AccountSummary::of);
	}

	/**
	 * Whether this account exists and holds the role: what linking it to a person or an organisation needs (a
	 * {@code CLIENT} account for an office holder, a {@code SUPPORTER} account for a supporter).
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	public boolean holdsRole(AccountId id, Role role) {
		return accounts.findById(id.value()).filter(account -> account.roles().contains(role)).isPresent();
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public Optional<AccountSummary> findByUsername(String username) {
		return accounts.findByUsername(normalizeUsername(username)).map(AccountSummary::of);
	}

	@PreAuthorize("hasRole('ADMIN')")
	public AccountSummary update(AccountId id, String displayName, Set<Role> roles, boolean enabled, AccountId by) {
		Account account = accounts.findById(id.value()).orElseThrow(() -> new AccountRefused(null, "account.notFound"));
		if (id.equals(by) && (!enabled || !roles.contains(Role.ADMIN))) {
			throw new AccountRefused("roles", "account.cannotLockOutSelf");
		}
		checkDisplayName(displayName);
		if (roles == null || roles.isEmpty()) {
			throw new AccountRefused("roles", "account.roles.required");
		}
		boolean rolesChanged = !account.roles().equals(roles);
		boolean enabledChanged = account.enabled() != enabled;
		account.rename(displayName.strip());
		account.changeRoles(roles);
		account.enable(enabled);
		accounts.save(account);
		if (rolesChanged) {
			events.publishEvent(new AccountRolesChanged(id, account.roles(), by));
		}
		if (enabledChanged) {
			events.publishEvent(new AccountEnabledChanged(id, enabled, by));
		}
		if (rolesChanged || !enabled) {
			// a changed role or a disabled account takes effect at once, not at the next sign-in, and for its tokens too
			sessions.endAll(account.username());
			tokens.revokeAll(id, by);
		}
		return AccountSummary.of(account);
	}

	/** A person changes their own password; their other sessions end. */
	public AccountPrincipal changeOwnPassword(AccountId id, String currentPassword, String newPassword,
			String keepSessionId) {
		Account account = accounts.findById(id.value()).orElseThrow(() -> new AccountRefused(null, "account.notFound"));
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
			throw new AccountRefused("currentPassword", "password.currentWrong");
		}
		PasswordPolicy.check(newPassword, account.username())
			.ifPresent(reason -> {
				throw new AccountRefused("newPassword", reason);
			});
		if (passwordEncoder.matches(newPassword, account.passwordHash())) {
			throw new AccountRefused("newPassword", "password.sameAsCurrent");
		}
		account.changePassword(passwordEncoder.encode(newPassword), true, clock.instant());
		accounts.save(account);
		sessions.endAllExcept(account.username(), keepSessionId);
		revokePersonalTokens(account, id);
		events.publishEvent(new PasswordChanged(id));
		return account.toPrincipal();
	}

	/**
	 * A one-time set-up link for a person to choose a (new) password: valid for a day and once; an earlier link stops
	 * working. Their sessions end now; their second factors stay, so the link alone never signs anyone in.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public String issueSetupLink(AccountId id, AccountId by) {
		Account account = accounts.findById(id.value())
			.filter(found -> !found.integration())
			.orElseThrow(() -> new AccountRefused(null, "account.notFound"));
		String token = setupLinks.issue(id, by);
		sessions.endAll(account.username());
		revokePersonalTokens(account, by);
		events.publishEvent(new SetupLinkChanged(id, false, by));
		return token;
	}

	/** The username a set-up link is for, while it is valid. */
	@Transactional(readOnly = true)
	public Optional<String> setupLinkFor(String token) {
		return setupLinks.valid(token).flatMap(id -> accounts.findById(id.value())).map(Account::username);
	}

	/** The owner of a set-up link chooses their password; the link is used up and every session ends. */
	public void choosePasswordWithLink(String token, String newPassword) {
		AccountId id = setupLinks.valid(token).orElseThrow(() -> new AccountRefused(null, "setup.invalid"));
		Account account = accounts.findById(id.value()).orElseThrow(() -> new AccountRefused(null, "setup.invalid"));
		PasswordPolicy.check(newPassword, account.username()).ifPresent(reason -> {
			throw new AccountRefused("newPassword", reason);
		});
		if (!setupLinks.use(token)) {
			throw new AccountRefused(null, "setup.invalid");
		}
		account.changePassword(passwordEncoder.encode(newPassword), true, clock.instant());
		accounts.save(account);
		sessions.endAll(account.username());
		revokePersonalTokens(account, id);
		events.publishEvent(new SetupLinkChanged(id, true, null));
		events.publishEvent(new PasswordChanged(id));
	}

	/**
	 * Removes every second factor of an account (a lost phone and lost codes): its owner enrols anew at the next
	 * sign-in, as the need for a factor stays. Their sessions end.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public void resetSecondFactor(AccountId id, AccountId by) {
		Account account = accounts.findById(id.value()).orElseThrow(() -> new AccountRefused(null, "account.notFound"));
		if (id.equals(by)) {
			throw new AccountRefused(null, "account.cannotLockOutSelf");
		}
		factors.resetAll(id);
		sessions.endAll(account.username());
		revokePersonalTokens(account, by);
	}

	/**
	 * A person's tokens end with the recovery of their account: whoever took it over may have made them. An
	 * integration's tokens are its only way in and end only when it is disabled or its roles change.
	 */
	private void revokePersonalTokens(Account account, AccountId by) {
		if (!account.integration()) {
			tokens.revokeAll(account.id(), by);
		}
	}

	private static void checkDisplayName(String displayName) {
		if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
			throw new AccountRefused("displayName", "account.displayName.invalid");
		}
	}

	static String normalizeUsername(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}
}
