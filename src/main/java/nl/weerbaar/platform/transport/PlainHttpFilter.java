package nl.weerbaar.platform.transport;

import java.io.IOException;
import java.util.function.IntSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the plain-HTTP port (when Weerbaar serves HTTPS itself): a person who typed the address gets sent to the HTTPS
 * page (GET and HEAD of a page, 301), and nothing else is served. The API, the actuator and any form sent over plain
 * HTTP are refused with 403 and not redirected: a script or a form that sent a token, a password or personal data in
 * the clear must fail where someone sees it, rather than work through a redirect that hides the leak.
 */
final class PlainHttpFilter extends OncePerRequestFilter {

	private final IntSupplier httpsPort;

	PlainHttpFilter(IntSupplier httpsPort) {
		this.httpsPort = httpsPort;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.isSecure()) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean page = !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/actuator")
				&& !path.startsWith("/v3/");
		boolean safe = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
		if (page && safe) {
			int port = httpsPort.getAsInt();
			String query = request.getQueryString();
			response.setStatus(HttpStatus.MOVED_PERMANENTLY.value());
			response.setHeader(HttpHeaders.LOCATION, "https://" + host(request.getServerName()) + (port == 443 ? "" : ":" + port)
					+ request.getRequestURI() + (query == null ? "" : "?" + query));
			return;
		}
		response.setStatus(HttpStatus.FORBIDDEN.value());
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"HTTPS required\",\"status\":403,"
					+ "\"detail\":\"This address takes requests over HTTPS only. Nothing was done.\"}");
	}

	private static String host(String name) {
		return name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name;
	}
}
