package nl.weerbaar.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.weerbaar.platform.ClientAddress;
import nl.weerbaar.security.AccountEvents.SignedIn;
import nl.weerbaar.security.AccountEvents.SignInFailed;
import nl.weerbaar.security.AccountEvents.StepUpVerified;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.internal.SecondFactors.Kind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * The steps of a sign-in after the password: completing it with a second factor (a new session id, the roles, the
 * factor and when it was shown), and step-up (a factor shown again before a sensitive action).
 */
@Component
public class SignIns {

	public static final String CLIENT_ATTRIBUTE = "weerbaar.client";

	private final Accounts accounts;
	private final SecondFactors factors;
	private final LoginThrottle throttle;
	private final KnownBrowsers browsers;
	private final ApplicationEventPublisher events;
	private final Duration stepUpWindow;
	private final Clock clock;
	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
	private final RequestCache savedRequests = new HttpSessionRequestCache();

	SignIns(Accounts accounts, SecondFactors factors, LoginThrottle throttle, KnownBrowsers browsers,
			ApplicationEventPublisher events, SecurityProperties properties, Clock clock) {
		this.browsers = browsers;
		this.accounts = accounts;
		this.factors = factors;
		this.throttle = throttle;
		this.events = events;
		this.stepUpWindow = properties.stepUpWindow();
		this.clock = clock;
	}

	/**
	 * Takes one attempt at a factor for this username from this address, before it is checked (as for a password);
	 * false when it must wait, and then nothing may be checked.
	 */
	public boolean tryAttempt(String username, HttpServletRequest request) {
		return throttle.tryAttempt(username, ClientAddress.of(request));
	}

	/** A wrong second factor counts like a wrong password: its attempt stays taken. */
	public void failed(HttpServletRequest request) {
		events.publishEvent(new SignInFailed(ClientAddress.of(request), false));
	}

	/** A right factor at step-up: its attempt does not count. */
	public void giveBack(String username, HttpServletRequest request) {
		throttle.giveBack(username, ClientAddress.of(request));
	}

	/**
	 * Completes a pending sign-in with the factor just shown; the session gets a new id. Returns the path to go to:
	 * the page first asked for, or the start page.
	 */
	public String complete(PendingSignIn pending, Kind factor, HttpServletRequest request,
			HttpServletResponse response) {
		Account account = accounts.findById(pending.account().value())
			.filter(Account::enabled)
			.orElseThrow(() -> new BadCredentialsException("account gone"));
		AccountPrincipal principal = account.toPrincipal();
		principal.eraseCredentials();
		List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
		authorities.add(passwordFactor(SecurityContextHolder.getContext().getAuthentication()));
		authorities.add(FactorGrantedAuthority.withAuthority(factor.authority()).issuedAt(clock.instant()).build());
		save(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities), request, response);
		request.changeSessionId();
		throttle.succeeded(account.username(), ClientAddress.of(request));
		events.publishEvent(new SignedIn(account.id(), account.roles(), ClientAddress.of(request)));
		browsers.signedIn(account.id(), request, response);
		SavedRequest saved = savedRequests.getRequest(request, response);
		savedRequests.removeRequest(request, response);
		return saved == null ? request.getContextPath() + "/" : saved.getRedirectUrl();
	}

	/** Step-up: the factor just shown counts from now; the factors shown before stay. */
	public void verified(Kind factor, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = shown(factor == null ? FactorGrantedAuthority.PASSWORD_AUTHORITY : factor.authority(),
				request, response);
		if (current.getPrincipal() instanceof AccountPrincipal principal) {
			events.publishEvent(new StepUpVerified(principal.id()));
		}
	}

	/**
	 * A signed-in person enrolled a factor by showing it (a passkey, or a code of the app): the session holds it from
	 * now, as step-up asks for it from now on.
	 */
	public void enrolled(Kind factor, HttpServletRequest request, HttpServletResponse response) {
		shown(factor.authority(), request, response);
	}

	private Authentication shown(String authority, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities()
			.stream()
			.filter(held -> !held.getAuthority().equals(authority))
			.toList());
		authorities.add(FactorGrantedAuthority.withAuthority(authority).issuedAt(clock.instant()).build());
		save(UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(), null, authorities), request,
				response);
		request.changeSessionId();
		return current;
	}

	/**
	 * The signed-in person's account changed (a new password): the session gets the new principal with its roles and
	 * keeps the factors it had shown, each with when it was shown, so that step-up keeps asking for the second
	 * factor. The session gets a new id.
	 */
	public void refresh(AccountPrincipal updated, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		List<GrantedAuthority> authorities = new ArrayList<>(updated.getAuthorities());
		if (current != null) {
			current.getAuthorities()
				.stream()
				.filter(FactorGrantedAuthority.class::isInstance)
				.forEach(authorities::add);
		}
		updated.eraseCredentials();
		save(UsernamePasswordAuthenticationToken.authenticated(updated, null, authorities), request, response);
		request.changeSessionId();
	}

	/**
	 * True when a factor was shown within the step-up window: a second factor when the account has one or the
	 * sign-in used one, else the password (an account without a second factor, such as a client's). A token never
	 * counts.
	 */
	public boolean recentlyVerified(Authentication authentication) {
		if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
			return false;
		}
		Instant since = clock.instant().minus(stepUpWindow);
		List<FactorGrantedAuthority> shown = authentication.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map(FactorGrantedAuthority.class::cast)
			.toList();
		boolean needsSecondFactor = shown.stream().anyMatch(SignIns::secondFactor)
				|| this.factors.hasAny(principal.id());
		return shown.stream()
			.filter(factor -> needsSecondFactor ? secondFactor(factor)
					: factor.getAuthority().equals(FactorGrantedAuthority.PASSWORD_AUTHORITY))
			.anyMatch(factor -> factor.getIssuedAt().isAfter(since));
	}

	/** Whether this session's sign-in used a second factor (step-up then asks for one). */
	public static boolean usedSecondFactor(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.anyMatch(held -> held instanceof FactorGrantedAuthority factor && secondFactor(factor));
	}

	private static boolean secondFactor(FactorGrantedAuthority factor) {
		for (Kind kind : Kind.values()) {
			if (kind.authority().equals(factor.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	private GrantedAuthority passwordFactor(Authentication current) {
		return current.getAuthorities()
			.stream()
			.filter(held -> held.getAuthority().equals(FactorGrantedAuthority.PASSWORD_AUTHORITY))
			.findFirst()
			.orElseThrow(() -> new BadCredentialsException("no password step"));
	}

	private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}
}
