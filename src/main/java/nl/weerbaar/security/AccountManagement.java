package nl.weerbaar.security;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.weerbaar.security.AccountEvents.AccountCreated;
import nl.weerbaar.security.AccountEvents.AccountEnabledChanged;
import nl.weerbaar.security.AccountEvents.AccountRolesChanged;
import nl.weerbaar.security.AccountEvents.ApprovalDecided;
import nl.weerbaar.security.AccountEvents.ApprovalRefused;
import nl.weerbaar.security.AccountEvents.ApprovalRequested;
import nl.weerbaar.security.AccountEvents.SessionsEndedByAdministrator;
import nl.weerbaar.security.AccountEvents.PasswordChanged;
import nl.weerbaar.security.AccountEvents.SetupLinkChanged;
import nl.weerbaar.security.internal.AccessTokens;
import nl.weerbaar.security.internal.Account;
import nl.weerbaar.security.internal.Accounts;
import nl.weerbaar.security.internal.Approvals;
import nl.weerbaar.security.internal.Approvals.Request;
import nl.weerbaar.security.internal.PasswordPolicy;
import nl.weerbaar.security.internal.SecondFactors;
import nl.weerbaar.security.internal.SessionControl;
import nl.weerbaar.security.internal.SetupLinkDelivery;
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

	/**
	 * The roles an integration account (another system) may hold: a partner's system fetching its referrals, a
	 * system reading the analysts' figures. Never a role that reads people's cases or requests, nor administration:
	 * such a token would reach everything without a second person or a second factor.
	 */
	public static final Set<Role> INTEGRATION_ROLES = Set.copyOf(EnumSet.of(Role.PARTNER, Role.ANALYST));

	private final Accounts accounts;
	private final PasswordEncoder passwordEncoder;
	private final SessionControl sessions;
	private final SecondFactors factors;
	private final SetupLinks setupLinks;
	private final AccessTokens tokens;
	private final Approvals approvals;
	private final SetupLinkDelivery delivery;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AccountManagement(Accounts accounts, PasswordEncoder passwordEncoder, SessionControl sessions,
			SecondFactors factors, SetupLinks setupLinks, AccessTokens tokens, Approvals approvals,
			SetupLinkDelivery delivery, ApplicationEventPublisher events, Clock clock) {
		this.approvals = approvals;
		this.delivery = delivery;
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

	/**
	 * A request waiting for a second administrator; {@code decidable} when the one asking may decide it. With it who
	 * created the account and when ({@code createdBy} null when no administrator did, or before it was recorded), and
	 * for a set-up link whether it would go to an address the owner set ({@code linkToOwner}) or be shown to the
	 * approving administrator.
	 */
	public record PendingApproval(UUID id, AccountId account, String username, ApprovalAction action,
			String requestedBy, Instant requestedAt, Instant expiresAt, boolean decidable, String createdBy,
			Instant accountCreatedAt, boolean linkToOwner) {
	}

	/**
	 * What an approval carried out; {@code setupToken} is the new set-up link's secret for a {@code SETUP_LINK} (for
	 * the caller to send to the owner, or else to show to the approving administrator), otherwise null.
	 */
	public record Approved(ApprovalAction action, AccountSummary account, String setupToken) {
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
		if (integration && !INTEGRATION_ROLES.containsAll(roles)) {
			throw new AccountRefused("roles", "account.roles.notForIntegration");
		}
		boolean founding = roles.contains(Role.ADMIN) && !integration && approvals.founding(by);
		if (roles.contains(Role.ADMIN) && !founding) {
			// no administrator makes another alone: the role is granted to an existing account, with approval; only
			// the first administrator of an installation appoints the second, as there is nobody yet to approve it
			throw new AccountRefused("roles", "account.roles.adminNeedsApproval");
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
		// who made it saw its initial password: they ask and decide no approval for it (ASVS V2.3.5)
		account.createdBy(by);
		try {
			accounts.save(account);
		}
		catch (DuplicateKeyException raceWithAnotherAdmin) {
			throw new AccountRefused("username", "account.username.taken");
		}
		events.publishEvent(new AccountCreated(account.id(), account.roles(), by));
		if (founding) {
			approvals.recordPairing();
		}
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
		// before anything changes: an installation that has two administrators keeps four eyes for good
		approvals.recordPairing();
		if (id.equals(by) && (!enabled || !roles.contains(Role.ADMIN))) {
			throw new AccountRefused("roles", "account.cannotLockOutSelf");
		}
		checkDisplayName(displayName);
		if (roles == null || roles.isEmpty()) {
			throw new AccountRefused("roles", "account.roles.required");
		}
		if (id.equals(by) && !roles.equals(account.roles())) {
			// nobody widens their own access alone: another administrator changes an administrator's roles
			throw new AccountRefused("roles", "account.roles.notOwn");
		}
		if (account.integration() && !INTEGRATION_ROLES.containsAll(roles)) {
			throw new AccountRefused("roles", "account.roles.notForIntegration");
		}
		if (roles.contains(Role.ADMIN) && !account.roles().contains(Role.ADMIN)) {
			// the administrator role waits for a second administrator; the other changes are saved now
			if (account.integration()) {
				throw new AccountRefused("roles", "account.roles.adminNotForIntegration");
			}
			if (!approvals.founding(by)) {
				try {
					request(account, ApprovalAction.GRANT_ADMIN, by);
				}
				catch (AccountRefused pending) {
					throw new AccountRefused("roles", pending.messageKey());
				}
				roles = EnumSet.copyOf(roles);
				roles.remove(Role.ADMIN);
				if (roles.isEmpty()) {
					roles = account.roles();
				}
			}
		}
		boolean rolesChanged = !account.roles().equals(roles);
		boolean enabledChanged = account.enabled() != enabled;
		account.rename(displayName.strip());
		account.changeRoles(roles);
		account.enable(enabled);
		accounts.save(account);
		approvals.recordPairing();
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
	 * Asks for a one-time set-up link for a person to choose a (new) password; a second administrator approves it
	 * ({@link #approve}) and only then is it made. Refused for an integration (it has no password to recover) and
	 * while the same request is pending.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public void requestSetupLink(AccountId id, AccountId by) {
		Account account = accounts.findById(id.value())
			.filter(found -> !found.integration())
			.orElseThrow(() -> new AccountRefused(null, "account.notFound"));
		request(account, ApprovalAction.SETUP_LINK, by);
	}

	/**
	 * A one-time set-up link: valid for a day and once; an earlier link stops working. Their sessions end now; their
	 * second factors stay, so the link alone never signs anyone in.
	 */
	private String issueSetupLink(Account account, AccountId by) {
		String token = setupLinks.issue(account.id(), by);
		sessions.endAll(account.username());
		revokePersonalTokens(account, by);
		events.publishEvent(new SetupLinkChanged(account.id(), false, by));
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
	 * Asks for every second factor of an account to be removed (a lost phone and lost codes); a second administrator
	 * approves it ({@link #approve}). Nobody asks it for their own account.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public void requestFactorReset(AccountId id, AccountId by) {
		Account account = accounts.findById(id.value()).orElseThrow(() -> new AccountRefused(null, "account.notFound"));
		if (id.equals(by)) {
			throw new AccountRefused(null, "account.cannotLockOutSelf");
		}
		request(account, ApprovalAction.FACTOR_RESET, by);
	}

	/**
	 * Removes every second factor of an account: its owner enrols anew at the next sign-in, as the need for a factor
	 * stays. Their sessions end.
	 */
	private void resetSecondFactor(Account account, AccountId by) {
		factors.resetAll(account.id());
		sessions.endAll(account.username());
		revokePersonalTokens(account, by);
	}

	private void request(Account account, ApprovalAction action, AccountId by) {
		if (account.createdBy().filter(by::equals).isPresent()) {
			throw new AccountRefused(null, "approval.createdByYou");
		}
		UUID request = approvals.request(account.id(), action, by)
			.orElseThrow(() -> new AccountRefused(null, "approval.alreadyPending"));
		events.publishEvent(new ApprovalRequested(account.id(), action, request, by));
	}

	/** The requests waiting for a second administrator, for every account or (with {@code account}) for one. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public List<PendingApproval> pendingApprovals(AccountId account, AccountId viewer) {
		List<Request> requests = account == null ? approvals.pending() : approvals.pendingFor(account);
		return requests.stream().map(request -> {
			Optional<Account> concerned = accounts.findById(request.account().value());
			return new PendingApproval(request.id(), request.account(), username(request.account()), request.action(),
					username(request.requestedBy()), request.requestedAt(), request.expiresAt(),
					mayDecide(request, viewer), concerned.flatMap(Account::createdBy).map(this::username).orElse(null),
					concerned.map(Account::createdAt).orElse(null),
					request.action() == ApprovalAction.SETUP_LINK && delivery.canSend(request.account()));
		}).toList();
	}

	/** How many requests wait for this administrator's decision. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public long approvalsWaitingFor(AccountId admin) {
		return approvals.decidableBy(admin);
	}

	/**
	 * A second administrator approves a pending request, which is carried out now, as theirs. Refused (and recorded)
	 * for the administrator who asked and for the account's owner; a decided or expired request does nothing.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public Approved approve(UUID requestId, AccountId by) {
		Request request = decidable(requestId, by);
		Account account = accounts.findById(request.account().value())
			.orElseThrow(() -> new AccountRefused(null, "approval.gone"));
		if (!approvals.decide(requestId, by, true)) {
			throw new AccountRefused(null, "approval.gone");
		}
		String token = null;
		switch (request.action()) {
			case FACTOR_RESET -> resetSecondFactor(account, by);
			case SETUP_LINK -> token = issueSetupLink(account, by);
			case GRANT_ADMIN -> {
				Set<Role> roles = EnumSet.copyOf(account.roles());
				roles.add(Role.ADMIN);
				account.changeRoles(roles);
				accounts.save(account);
				approvals.recordPairing();
				events.publishEvent(new AccountRolesChanged(account.id(), account.roles(), by));
				sessions.endAll(account.username());
				tokens.revokeAll(account.id(), by);
			}
		}
		events.publishEvent(new ApprovalDecided(account.id(), request.action(), requestId, true, by));
		return new Approved(request.action(), AccountSummary.of(account), token);
	}

	/** A second administrator rejects a pending request: nothing is done, and the request is closed. */
	@PreAuthorize("hasRole('ADMIN')")
	public void reject(UUID requestId, AccountId by) {
		Request request = decidable(requestId, by);
		if (!approvals.decide(requestId, by, false)) {
			throw new AccountRefused(null, "approval.gone");
		}
		events.publishEvent(new ApprovalDecided(request.account(), request.action(), requestId, false, by));
	}

	private Request decidable(UUID requestId, AccountId by) {
		Request request = approvals.lock(requestId)
			.filter(found -> found.pendingAt(clock.instant()))
			.orElseThrow(() -> new AccountRefused(null, "approval.gone"));
		if (!mayDecide(request, by)) {
			// recorded, in a trail record of its own that stays although this refusal rolls back
			events.publishEvent(new ApprovalRefused(request.account(), request.action(), requestId, by));
			throw new AccountRefused(null, request.requestedBy().equals(by) ? "approval.ownRequest"
					: request.account().equals(by) ? "approval.ownAccount" : "approval.createdByYou");
		}
		return request;
	}

	/** Not the one who asked, not the account's owner, not the administrator who created the account. */
	private boolean mayDecide(Request request, AccountId by) {
		return !request.requestedBy().equals(by) && !request.account().equals(by)
				&& accounts.findById(request.account().value()).flatMap(Account::createdBy).filter(by::equals).isEmpty();
	}

	private String username(AccountId id) {
		return accounts.findById(id.value()).map(Account::username).orElse("?");
	}

	/** An administrator ends every session of one account (a lost laptop, a suspected takeover). */
	@PreAuthorize("hasRole('ADMIN')")
	public int endSessions(AccountId id, AccountId by) {
		Account account = accounts.findById(id.value()).orElseThrow(() -> new AccountRefused(null, "account.notFound"));
		int ended = sessions.endAllExcept(account.username(), null);
		events.publishEvent(new SessionsEndedByAdministrator(id, ended, by));
		return ended;
	}

	/**
	 * An administrator ends every session but their own (a suspected breach): everyone signs in again, with their
	 * second factor.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public int endEveryonesSessions(String keepSessionId, AccountId by) {
		int ended = sessions.endEveryoneExcept(keepSessionId);
		events.publishEvent(new SessionsEndedByAdministrator(null, ended, by));
		return ended;
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
