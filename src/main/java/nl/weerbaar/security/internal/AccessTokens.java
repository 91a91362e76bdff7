package nl.weerbaar.security.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.weerbaar.security.AccountEvents.AccessTokenChanged;
import nl.weerbaar.security.AccountEvents.AccessTokenUsed;
import nl.weerbaar.security.AccountId;
import nl.weerbaar.security.AccountManagement.AccountRefused;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the API ({@code Authorization: Bearer wb_…}): 256 random bits, shown once and kept as
 * SHA-256 only; each has an expiry and some of its owner's roles, and can be revoked. A token acts with the roles it
 * was given that its owner still holds, and only while the owner's account is enabled. A token never counts as a
 * recently shown factor, so it cannot export, make tokens or act as an administrator where step-up is asked.
 */
@Service
@Transactional
public class AccessTokens {

	static final String PREFIX = "wb_";
	private static final SecureRandom RANDOM = new SecureRandom();
	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	public record TokenView(UUID id, String name, Set<Role> roles, Instant createdAt, Instant expiresAt,
			Instant revokedAt, Instant lastUsedAt, boolean active) {
	}

	/** A new token; {@code secret} is shown once and kept nowhere. */
	public record NewToken(TokenView token, String secret) {
	}

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final ApplicationEventPublisher events;
	private final SecurityProperties.TokenProperties limits;
	private final Clock clock;

	AccessTokens(JdbcClient jdbc, Accounts accounts, ApplicationEventPublisher events, SecurityProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.events = events;
		this.limits = properties.tokens();
		this.clock = clock;
	}

	/** The longest life a token carrying these roles may be given: the smallest limit among them. */
	public int maxDays(Set<Role> roles) {
		return limits.maxDaysFor(roles);
	}

	/** Each role's own limit, for the form to explain. */
	public Map<Role, Integer> maxDaysPerRole(Set<Role> roles) {
		Map<Role, Integer> each = new EnumMap<>(Role.class);
		roles.forEach(role -> each.put(role, limits.maxDays().get(role)));
		return each;
	}

	/** Makes a token for {@code owner} (the person themselves, or an administrator for an integration account). */
	public NewToken create(AccountId owner, String name, Set<Role> roles, int days, AccountId by) {
		Account account = accounts.findById(owner.value()).orElseThrow(() -> new AccountRefused(null, "account.notFound"));
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw new AccountRefused("name", "token.name.invalid");
		}
		if (roles == null || roles.isEmpty() || !account.roles().containsAll(roles)) {
			throw new AccountRefused("roles", "token.roles.invalid");
		}
		if (days < 1 || days > maxDays(roles)) {
			throw new AccountRefused("days", "token.days.invalid");
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		Instant expires = now.plus(Duration.ofDays(days));
		jdbc.sql("""
				insert into access_token (id, account_id, name, token_hash, roles, created_at, created_by, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, owner.value(), name.strip(), Hashes.sha256(secret), roles.stream().map(Role::name).sorted().toArray(String[]::new),
					Timestamp.from(now), by.value(), Timestamp.from(expires))
			.update();
		events.publishEvent(new AccessTokenChanged(owner, id, true, by));
		return new NewToken(new TokenView(id, name.strip(), EnumSet.copyOf(roles), now, expires, null, null, true),
				secret);
	}

	@Transactional(readOnly = true)
	public List<TokenView> list(AccountId owner) {
		Instant now = clock.instant();
		return jdbc.sql("""
				select id, name, roles, created_at, expires_at, revoked_at, last_used_at from access_token
				where account_id = ? order by created_at desc""")
			.param(owner.value())
			.query((row, n) -> {
				Instant expires = row.getTimestamp("expires_at").toInstant();
				Instant revoked = instant(row.getTimestamp("revoked_at"));
				return new TokenView(row.getObject("id", UUID.class), row.getString("name"),
						roles((String[]) row.getArray("roles").getArray()), row.getTimestamp("created_at").toInstant(),
						expires, revoked, instant(row.getTimestamp("last_used_at")),
						revoked == null && expires.isAfter(now));
			})
			.list();
	}

	/** Revokes one of {@code owner}'s tokens; someone else's token is not found. */
	public void revoke(AccountId owner, UUID token, AccountId by) {
		int revoked = jdbc.sql("update access_token set revoked_at = ? where id = ? and account_id = ? and revoked_at is null")
			.params(Timestamp.from(clock.instant()), token, owner.value())
			.update();
		if (revoked == 0) {
			throw new AccountRefused(null, "account.notFound");
		}
		events.publishEvent(new AccessTokenChanged(owner, token, false, by));
	}

	/**
	 * Revokes every live token of an account: its recovery (a new password, a set-up link, a factor reset), its
	 * disabling or a change of its roles ends what was made before.
	 */
	public int revokeAll(AccountId owner, AccountId by) {
		List<UUID> revoked = jdbc.sql("""
				update access_token set revoked_at = ? where account_id = ? and revoked_at is null and expires_at > ?
				returning id""")
			.params(Timestamp.from(clock.instant()), owner.value(), Timestamp.from(clock.instant()))
			.query(UUID.class)
			.list();
		revoked.forEach(token -> events.publishEvent(new AccessTokenChanged(owner, token, false, by)));
		return revoked.size();
	}

	/** The API sign-in a token gives, or empty when it is unknown, revoked, expired or its account is disabled. */
	public Optional<Authentication> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		var token = jdbc.sql("""
				select id, account_id, roles, last_used_at from access_token
				where token_hash = ? and revoked_at is null and expires_at > ?""")
			.params(Hashes.sha256(secret), Timestamp.from(now))
			.query((row, n) -> new TokenRow(row.getObject("id", UUID.class), row.getObject("account_id", UUID.class),
					roles((String[]) row.getArray("roles").getArray()), instant(row.getTimestamp("last_used_at"))))
			.optional();
		if (token.isEmpty()) {
			return Optional.empty();
		}
		Optional<Account> account = accounts.findById(token.get().account()).filter(Account::enabled);
		if (account.isEmpty()) {
			return Optional.empty();
		}
		Set<Role> roles = EnumSet.copyOf(token.get().roles());
		roles.retainAll(account.get().roles());
		if (roles.isEmpty()) {
			return Optional.empty();
		}
		Instant lastUsed = token.get().lastUsedAt();
		if (lastUsed == null || lastUsed.isBefore(now.minus(LAST_USED_PRECISION))) {
			// the first use in a minute is recorded, by whichever node wins this update: the trail sees each token at
			// work without a record per request (V16.3.1)
			boolean first = jdbc.sql("""
					update access_token set last_used_at = ?
					where id = ? and (last_used_at is null or last_used_at < ?)""")
				.params(Timestamp.from(now), token.get().id(), Timestamp.from(now.minus(LAST_USED_PRECISION)))
				.update() == 1;
			if (first) {
				events.publishEvent(new AccessTokenUsed(new AccountId(token.get().account()), token.get().id()));
			}
		}
		Account owner = account.get();
		AccountPrincipal principal = new AccountPrincipal(owner.id(), owner.username(), owner.displayName(), roles, true,
				false, null);
		List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
		authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.BEARER_AUTHORITY).issuedAt(now).build());
		return Optional.of(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
	}

	private record TokenRow(UUID id, UUID account, Set<Role> roles, Instant lastUsedAt) {
	}

	private static Set<Role> roles(String[] names) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(names).map(Role::valueOf).forEach(roles::add);
		return roles;
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
