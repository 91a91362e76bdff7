package nl.weerbaar.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP parameter pollution (ASVS 5.0 V15.3.7). The servlet API merges the query string and a form body into one list
 * of values per name, and the layers read it differently: Spring Security takes the first value (the CSRF token, the
 * username and password), Spring MVC's binding joins a text field's values with commas and refuses repeated values
 * for a number, date, id or choice. So two things are refused (400) before anything reads them:
 * <ul>
 * <li>a form posted (or put) with a parameter in both its address and its body: a page never does that, and an
 * attacker who can add to a link's query must not override or add to what the person typed;</li>
 * <li>a repeated value of a field that decides who someone is or what they may do ({@link #SINGLE}).</li>
 * </ul>
 * Fields meant to repeat (roles, consented fields, the requests of a batch) bind as lists; JSON bodies have one value
 * per member (a repeated member is refused by the JSON reader, see {@code WebConfiguration}).
 */
class ParameterPollutionFilter extends OncePerRequestFilter {

	/** Form fields that have one value on every page that sends them. */
	static final Set<String> SINGLE = Set.of("_csrf", "username", "password", "newPassword", "confirmation", "code",
			"token", "session", "notificationEmail");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (polluted(request)) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean polluted(HttpServletRequest request) {
		String type = request.getContentType();
		boolean form = type != null
				&& type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
		Map<String, Integer> inQuery = counts(request.getQueryString());
		for (String name : SINGLE) {
			if (inQuery.getOrDefault(name, 0) > 1) {
				return true;
			}
		}
		if (!form) {
			return false;
		}
		Map<String, String[]> all = request.getParameterMap();
		for (String name : SINGLE) {
			String[] values = all.get(name);
			if (values != null && values.length > 1) {
				return true;
			}
		}
		// a name whose values outnumber its occurrences in the query came in the body as well
		for (Map.Entry<String, Integer> query : inQuery.entrySet()) {
			String[] values = all.get(query.getKey());
			if (values != null && values.length > query.getValue()) {
				return true;
			}
		}
		return false;
	}

	private static Map<String, Integer> counts(String query) {
		Map<String, Integer> counts = new HashMap<>();
		if (query == null || query.isEmpty()) {
			return counts;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = equals < 0 ? pair : pair.substring(0, equals);
			try {
				counts.merge(URLDecoder.decode(name, StandardCharsets.UTF_8), 1, Integer::sum);
			}
			catch (IllegalArgumentException e) {
				counts.merge(name, 1, Integer::sum);
			}
		}
		return counts;
	}
}
