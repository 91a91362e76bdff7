package nl.weerbaar.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.weerbaar.security.AccountPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Someone signed in with a password another person chose (a first or bootstrap password) may do nothing but
 * replace it (or sign out).
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	static final String CHANGE_PASSWORD_PATH = "/account/password";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
				&& principal.mustChangePassword() && !allowed(request)) {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
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

	private static boolean allowed(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(CHANGE_PASSWORD_PATH) || path.equals("/logout") || path.startsWith("/assets/")
				|| path.equals("/error");
	}
}
