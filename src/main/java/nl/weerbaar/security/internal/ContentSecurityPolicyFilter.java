package nl.weerbaar.security.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Content-Security-Policy with a fresh nonce on every response. Templates put the nonce (request attribute
 * {@value #NONCE_ATTRIBUTE}) on the few script elements they need; no other script runs, no page can be framed.
 * Browsers report what the policy blocked to {@link CspReports}.
 */
class ContentSecurityPolicyFilter extends OncePerRequestFilter {

	static final String NONCE_ATTRIBUTE = "cspNonce";

	private static final SecureRandom RANDOM = new SecureRandom();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		String nonce = Base64.getEncoder().encodeToString(bytes);
		request.setAttribute(NONCE_ATTRIBUTE, nonce);
		response.setHeader("Content-Security-Policy", policy(nonce));
		// where report-to sends its reports (the Reporting API); report-uri is for browsers without it
		response.setHeader("Reporting-Endpoints", "csp=\"" + CspReports.PATH + "\"");
		chain.doFilter(request, response);
	}

	static String policy(String nonce) {
		return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; style-src 'self'; img-src 'self' data:; "
				+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
				+ "frame-ancestors 'none'; report-uri " + CspReports.PATH + "; report-to csp";
	}
}
