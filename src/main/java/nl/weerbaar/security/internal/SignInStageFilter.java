package nl.weerbaar.security.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.weerbaar.security.AccountPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps an unfinished sign-in on its next step, whatever the path rules would allow: someone who gave only a
 * password reaches nothing but the second-factor and enrolment pages (for as long as step-up allows, then they start
 * again), and someone signed in with a password another person chose (a first or bootstrap password) may do nothing
 * but replace it. Both may sign out.
 */
class SignInStageFilter extends OncePerRequestFilter {

	static final String FACTOR_PATH = "/login/factor";
	static final String ENROLMENT_PATH = "/account/factors/setup";
	static final String CHANGE_PASSWORD_PATH = "/account/password";

	private final Duration pendingLifetime;
	private final Clock clock;

	SignInStageFilter(Duration pendingLifetime, Clock clock) {
		this.pendingLifetime = pendingLifetime;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof PendingSignIn && stale(authentication)) {
			request.getSession().invalidate();
			SecurityContextHolder.clearContext();
			authentication = null;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean api = path.startsWith("/api/");
		if (authentication != null && authentication.getPrincipal() instanceof PendingSignIn
				&& !always(path) && !path.equals(FACTOR_PATH) && !path.startsWith(FACTOR_PATH + "/")
				&& !path.equals(ENROLMENT_PATH) && !path.startsWith(ENROLMENT_PATH + "/")) {
			if (api) {
				ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Second factor required",
						"Finish signing in with your second factor before using Weerbaar.");
			}
			else {
				response.sendRedirect(request.getContextPath() + FACTOR_PATH);
			}
			return;
		}
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
				&& principal.mustChangePassword() && !always(path) && !path.equals(CHANGE_PASSWORD_PATH)) {
			if (api) {
				ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Password change required",
						"Replace the password you were given before using Weerbaar.");
			}
			else {
				response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD_PATH);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean stale(Authentication pending) {
		return pending.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map(FactorGrantedAuthority.class::cast)
			.allMatch(factor -> factor.getIssuedAt().isBefore(clock.instant().minus(pendingLifetime)));
	}

	private static boolean always(String path) {
		return path.equals("/logout") || path.startsWith("/assets/") || path.equals("/error")
				|| path.equals("/favicon.ico") || path.equals(CspReports.PATH);
	}
}
