package nl.weerbaar.security.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs an API request in with its personal access token ({@code Authorization: Bearer …}), for that request only:
 * nothing is kept in a session. A token that is unknown, revoked or expired gets 401 at once, with no detail on
 * which of these it was. Both are recorded in the audit trail: a token's use once a minute ({@link AccessTokens}), a
 * refusal each time up to a ceiling per address ({@link TokenAudit}).
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String SCHEME = "Bearer ";

	private final AccessTokens tokens;
	private final TokenAudit audit;

	BearerTokenFilter(AccessTokens tokens, TokenAudit audit) {
		this.tokens = tokens;
		this.audit = audit;
	}

	static boolean hasBearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!hasBearer(request)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Authentication> signedIn = tokens.authenticate(request.getHeader("Authorization")
			.substring(SCHEME.length())
			.strip());
		if (signedIn.isEmpty()) {
			audit.rejected(request);
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
					"The access token is not valid: unknown, revoked or expired.");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(signedIn.get());
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
