package nl.weerbaar.security.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes the browsers' reports of Content-Security-Policy violations ({@code report-uri}, {@code application/csp-report}
 * and {@code report-to}, {@code application/reports+json}) and logs one line per violation with only the directive
 * and what kind of thing was blocked ({@code inline}, {@code eval}, or the blocked resource's scheme and host): never
 * the page's address, its query, a sample of the script or anything else a person could have typed. Anyone may send
 * one (the browser sends it without a CSRF token), so a body is at most {@value #MAX_BYTES} bytes (413 beyond) and
 * this node takes {@code weerbaar.security.browser.csp-reports-per-minute} of them (429 beyond, not logged).
 */
@RestController
class CspReports {

	static final String PATH = "/csp-reports";
	static final int MAX_BYTES = 8 * 1024;

	/** A batch from the Reporting API is logged up to this many violations; the rest only as a count. */
	static final int LOGGED_PER_BATCH = 5;

	private static final Logger log = LoggerFactory.getLogger(CspReports.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Pattern DIRECTIVE = Pattern.compile("[a-z-]{1,40}");
	private static final Pattern KEYWORD = Pattern.compile("[a-z-]{1,20}");

	private final Bucket bucket;

	CspReports(BrowserProperties properties) {
		int perMinute = properties.cspReportsPerMinute();
		this.bucket = Bucket.builder()
			.addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
			.build();
	}

	@PostMapping(PATH)
	ResponseEntity<Void> report(HttpServletRequest request) throws IOException {
		if (!bucket.tryConsume(1)) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).build();
		}
		if (request.getContentLengthLong() > MAX_BYTES) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BYTES + 1);
		}
		if (body.length > MAX_BYTES) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		JsonNode reports;
		try {
			reports = JSON.readTree(body);
		}
		catch (JacksonException e) {
			return ResponseEntity.badRequest().build();
		}
		if (reports == null) {
			return ResponseEntity.badRequest().build();
		}
		if (reports.isArray()) {
			// the Reporting API sends a batch; only its CSP reports are ours, and a few of them tell enough
			int violations = 0;
			for (JsonNode report : reports) {
				if ("csp-violation".equals(report.path("type").asString("")) && ++violations <= LOGGED_PER_BATCH) {
					logViolation(report.path("body").path("effectiveDirective"), report.path("body").path("blockedURL"));
				}
			}
			if (violations > LOGGED_PER_BATCH) {
				log.warn("Content-Security-Policy violations: {} more in the same report", violations - LOGGED_PER_BATCH);
			}
		}
		else if (reports.has("csp-report")) {
			JsonNode report = reports.path("csp-report");
			logViolation(report.path("effective-directive").isMissingNode() ? report.path("violated-directive")
					: report.path("effective-directive"), report.path("blocked-uri"));
		}
		else {
			return ResponseEntity.badRequest().build();
		}
		return ResponseEntity.noContent().build();
	}

	private static void logViolation(JsonNode directive, JsonNode blocked) {
		String name = directive.asString("");
		name = DIRECTIVE.matcher(name).matches() ? name : "unknown";
		log.warn("Content-Security-Policy violation: directive={} blocked={}", name, what(blocked.asString("")));
	}

	/** {@code inline}, {@code eval} and the like as they are; an address as its scheme and host only. */
	static String what(String blocked) {
		if (KEYWORD.matcher(blocked).matches()) {
			return blocked;
		}
		try {
			URI uri = new URI(blocked);
			String scheme = uri.getScheme();
			if (scheme == null || !KEYWORD.matcher(scheme.toLowerCase()).matches()) {
				return "other";
			}
			String host = uri.getHost();
			return host == null ? scheme.toLowerCase() + ":" : scheme.toLowerCase() + "://" + host.toLowerCase();
		}
		catch (java.net.URISyntaxException e) {
			return "other";
		}
	}
}
