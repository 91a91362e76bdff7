package nl.weerbaar.security.internal;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A resource isolation policy on the Fetch Metadata headers (ASVS 5.0 V3.5.8): a request another site's page made
 * the browser send (an {@code <img>}, {@code <script>}, {@code <link>}, {@code fetch}, a form posted from there, an
 * {@code <iframe>} or {@code <object>}) is refused with 403 before anything reads the session, so no other site can
 * embed, time or trigger what a signed-in person may see or do. Following a link from elsewhere (a top-level
 * navigation with GET, such as a link in a reminder e-mail or on a partner's website) still works. Requests without
 * these headers (older browsers, other programs with a token) are not affected: there the cookie's SameSite, the CSRF
 * token, CORP and the CSP still stand.
 */
class ResourceIsolationFilter extends OncePerRequestFilter {

	private static final Set<String> SAME_PARTY = Set.of("same-origin", "same-site", "none");
	private static final Set<String> TOP_LEVEL = Set.of("document", "");

	/** The browser posts Content-Security-Policy reports itself; they carry nothing to protect. */
	private final String exempt;

	ResourceIsolationFilter(String exempt) {
		this.exempt = exempt;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (allowed(request)) {
			chain.doFilter(request, response);
			return;
		}
		response.sendError(HttpStatus.FORBIDDEN.value());
	}

	private boolean allowed(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site == null || SAME_PARTY.contains(site) || request.getRequestURI().equals(exempt)) {
			return true;
		}
		String mode = request.getHeader("Sec-Fetch-Mode");
		String destination = request.getHeader("Sec-Fetch-Dest");
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		return "navigate".equals(mode) && read && TOP_LEVEL.contains(destination == null ? "" : destination);
	}
}
