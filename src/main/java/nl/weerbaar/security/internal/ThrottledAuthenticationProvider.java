package nl.weerbaar.security.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.weerbaar.platform.SlowHashes;
import nl.weerbaar.security.AccountPrincipal;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password step of a sign-in, behind the {@link LoginThrottle}: an attempt takes its token before the hash is
 * computed (a throttled one is refused without it), and a right password gives it back. An account that must show a second factor gets a {@link PendingSignIn} with no role; the others are
 * signed in. An integration account answers like a wrong password: it has no password to give, and so does a password
 * someone else chose once it was used or is too old ({@link InitialPasswords}).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;
	private final LoginThrottle throttle;
	private final Accounts accounts;
	private final SecondFactors factors;
	private final Clock clock;
	private final InitialPasswords initialPasswords;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, Accounts accounts,
			SecondFactors factors, InitialPasswords initialPasswords, Clock clock) {
		this.initialPasswords = initialPasswords;
		this.passwords = passwords;
		this.throttle = throttle;
		this.accounts = accounts;
		this.factors = factors;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = normalized(authentication.getName());
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : "unknown"; // ClientAddress.of(request), taken when the form came in
		if (!throttle.tryAttempt(username, address)) {
			throw new LoginThrottledException();
		}
		Authentication result;
		Account account;
		try {
			result = passwords.authenticate(authentication);
			AccountPrincipal principal = (AccountPrincipal) result.getPrincipal();
			account = accounts.findById(principal.id().value())
				.filter(found -> !found.integration())
				.orElseThrow(() -> new BadCredentialsException("no password sign-in"));
			if (account.mustChangePassword() && !initialPasswords.take(account)) {
				// the attempt stays counted, as for a wrong password
				throw new BadCredentialsException("initial password used or expired");
			}
		}
		catch (SlowHashes.Busy busy) {
			// nothing was checked: the attempt does not count
			throttle.giveBack(username, address);
			throw new SignInBusyException(busy.retryAfterSeconds());
		}
		GrantedAuthority password = FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
			.issuedAt(clock.instant())
			.build();
		if (factors.required(account)) {
			throttle.giveBack(username, address);
			var pending = UsernamePasswordAuthenticationToken.authenticated(
					new PendingSignIn(account.id(), account.username()), null, List.of(password));
			pending.setDetails(result.getDetails());
			return pending;
		}
		throttle.succeeded(username, address);
		List<GrantedAuthority> authorities = new ArrayList<>(result.getAuthorities());
		authorities.add(password);
		var signedIn = UsernamePasswordAuthenticationToken.authenticated(result.getPrincipal(), null, authorities);
		signedIn.setDetails(result.getDetails());
		return signedIn;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	static String normalized(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	static final class LoginThrottledException extends AuthenticationException {

		LoginThrottledException() {
			super("too many sign-in attempts");
		}
	}

	/** Too many passwords being checked at once on this node; the password was not checked. */
	static final class SignInBusyException extends AuthenticationException {

		private final int retryAfterSeconds;

		SignInBusyException(int retryAfterSeconds) {
			super("too many sign-ins at once");
			this.retryAfterSeconds = retryAfterSeconds;
		}

		int retryAfterSeconds() {
			return retryAfterSeconds;
		}
	}
}
