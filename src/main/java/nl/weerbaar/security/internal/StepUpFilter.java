package nl.weerbaar.security.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.weerbaar.security.StepUpPaths;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After the access rules: a request on a {@link StepUpPaths} path goes on only when a factor was shown recently.
 * A page is sent to confirm with a factor and then back (to the page itself, or for a form to the page it was sent
 * from); the API gets a problem.
 */
class StepUpFilter extends OncePerRequestFilter {

	private final List<StepUpPaths> paths;
	private final SignIns signIns;

	StepUpFilter(List<StepUpPaths> paths, SignIns signIns) {
		this.paths = paths;
		this.signIns = signIns;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || paths.stream().noneMatch(path -> path.matcher().matches(request))
				|| signIns.recentlyVerified(authentication)) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, StepUpPaths.PROBLEM_TYPE,
					"Step-up required", "Confirm with your second factor in Weerbaar first; a token cannot do this.");
			return;
		}
		String back = request.getMethod().equals("GET")
				? path + (request.getQueryString() == null ? "" : "?" + request.getQueryString())
				: sameSiteReferer(request);
		response.sendRedirect(request.getContextPath() + "/login/factor?continue="
				+ URLEncoder.encode(back, StandardCharsets.UTF_8));
	}

	private static String sameSiteReferer(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		try {
			URI uri = referer == null ? null : URI.create(referer);
			if (uri != null && request.getServerName().equalsIgnoreCase(uri.getHost()) && uri.getRawPath() != null) {
				String path = uri.getRawPath().substring(Math.min(uri.getRawPath().length(),
						request.getContextPath().length()));
				return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
			}
		}
		catch (IllegalArgumentException malformed) {
			// fall through to the start page
		}
		return "/";
	}
}
