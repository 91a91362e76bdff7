package nl.weerbaar.security.internal;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.weerbaar.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sessionAbsoluteTimeout a session ends this long after sign-in, however active (the idle timeout is
 *        {@code spring.session.timeout})
 * @param loginThrottle how sign-in attempts slow down after failures
 * @param secondFactor who must use a second factor
 * @param stepUpWindow how recently a factor must have been used before a sensitive action (an export, an
 *        administrator's change, a factor or token change)
 * @param setupLinkLifetime how long an administrator's one-time set-up link stays valid
 * @param approvalLifetime how long a request for a second administrator's approval (a factor reset, a set-up link,
 *        the administrator role) waits for a decision before it lapses
 * @param accountRate how many requests one signed-in account or token may make
 * @param tokens how long personal access tokens may live
 * @param webauthn the relying party that passkeys are made for
 * @param initialPasswordLifetime how long a password someone else chose (an administrator's new account, the
 *        generated bootstrap password) works if its owner has not used it; it works for one sign-in only
 */
@ConfigurationProperties("weerbaar.security")
public record SecurityProperties(@DefaultValue("12h") Duration sessionAbsoluteTimeout,
		@DefaultValue LoginThrottleProperties loginThrottle, @DefaultValue SecondFactorProperties secondFactor,
		@DefaultValue("10m") Duration stepUpWindow, @DefaultValue("24h") Duration setupLinkLifetime,
		@DefaultValue TokenProperties tokens, @DefaultValue WebAuthnProperties webauthn,
		@DefaultValue("24h") Duration approvalLifetime, @DefaultValue AccountRateProperties accountRate,
		@DefaultValue("7d") Duration initialPasswordLifetime) {

	/**
	 * A token bucket per account, kept in this node's memory (see docs/security/access-control.md): {@code capacity}
	 * requests at once, refilled evenly over {@code period}. Generous: a person working fast stays far below it; a
	 * script that walks the whole registry does not.
	 *
	 * @param enabled off only for a bench run
	 */
	public record AccountRateProperties(@DefaultValue("true") boolean enabled, @DefaultValue("600") int capacity,
			@DefaultValue("1m") Duration period) {
	}

	/**
	 * @param maxDays the longest expiry, in days, a token carrying a role may be given; a token's limit is the smallest
	 *        over the roles it carries. A role not named here keeps its default.
	 */
	public record TokenProperties(Map<Role, Integer> maxDays) {

		/**
		 * The shorter the more a token could do with it (ASVS 5.0 L3, V7/V8): an administrator's a week, desk and
		 * case work a month, statistics a quarter, a partner's system (which fetches its referrals unattended) half a
		 * year. Each is also revoked when its account is disabled or its roles change.
		 */
		static final Map<Role, Integer> DEFAULTS = Map.of(Role.ADMIN, 7, Role.COORDINATOR, 30, Role.SUPPORTER, 30,
				Role.CLIENT, 30, Role.ANALYST, 90, Role.PARTNER, 180);

		public TokenProperties {
			Map<Role, Integer> merged = new EnumMap<>(DEFAULTS);
			if (maxDays != null) {
				maxDays.forEach((role, days) -> {
					if (days == null || days < 1) {
						throw new IllegalArgumentException("weerbaar.security.tokens.max-days." + role
								+ " must be at least 1");
					}
					merged.put(role, days);
				});
			}
			maxDays = Collections.unmodifiableMap(merged);
		}

		/** The longest life a token with these roles may have: the smallest of their limits. */
		public int maxDaysFor(Set<Role> roles) {
			return roles.stream().mapToInt(maxDays::get).min().orElse(0);
		}
	}

	/**
	 * Attempts count per username and address together, per username from all addresses, and per address (IPv6 per
	 * /64), in token buckets. For a username from one address and for an address, the free attempts go at once, then
	 * one more per {@code firstDelay}, then, past twice the free attempts, one per eight times that, and past four
	 * times the free attempts one per {@code maxDelay}. For a username from all addresses together, a higher ceiling
	 * that then allows one per {@code maxDelay}.
	 *
	 * @param freeAttempts failures of a username from one address before delays start
	 * @param freeAttemptsPerAddress failures from one network address before delays start (many people may share one)
	 * @param attemptsPerUsername failures of a username from all addresses together before it waits {@code maxDelay}
	 *        per attempt (the ceiling for a guesser spread over many addresses)
	 * @param firstDelay the wait for each attempt once the free ones are used
	 * @param maxDelay the wait for each attempt once four times the free ones are used
	 */
	public record LoginThrottleProperties(@DefaultValue("5") int freeAttempts,
			@DefaultValue("20") int freeAttemptsPerAddress, @DefaultValue("50") int attemptsPerUsername,
			@DefaultValue("1s") Duration firstDelay, @DefaultValue("15m") Duration maxDelay) {
	}

	/**
	 * @param requiredRoles an account holding any of these roles must use a second factor (an account that has one
	 *        must use it, whatever its roles)
	 * @param demoAccountsMaySkip the demo profile's own accounts sign in with a password alone (never set it
	 *        elsewhere; the banner says so)
	 */
	public record SecondFactorProperties(
			@DefaultValue({ "CLIENT", "COORDINATOR", "SUPPORTER", "PARTNER", "ANALYST", "ADMIN" }) Set<Role> requiredRoles,
			@DefaultValue("false") boolean demoAccountsMaySkip) {
	}

	/**
	 * @param rpId the relying party id: the host name passkeys are bound to (the site's domain in production)
	 * @param rpName the name an authenticator shows
	 * @param origins the origins a passkey ceremony may come from; empty means the origin the request came to
	 */
	public record WebAuthnProperties(@DefaultValue("localhost") String rpId, @DefaultValue("Weerbaar") String rpName,
			@DefaultValue List<String> origins) {
	}
}
