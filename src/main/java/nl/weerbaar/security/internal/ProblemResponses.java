package nl.weerbaar.security.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** RFC 9457 problem responses for the API when the security filters refuse a request before any controller runs. */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static AuthenticationEntryPoint unauthorized() {
		return (request, response, exception) -> {
			response.setHeader("WWW-Authenticate", "Session");
			write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "Sign in to use the Weerbaar API.");
		};
	}

	static AccessDeniedHandler forbidden() {
		return (request, response, exception) -> write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
				"You may not do this, or the CSRF token is missing or stale.");
	}

	static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
		write(response, status, "about:blank", title, detail);
	}

	static void write(HttpServletResponse response, int status, String type, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		// title and detail are fixed texts of ours, never user input, so no JSON escaping is needed
		response.getWriter()
			.write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}
}
