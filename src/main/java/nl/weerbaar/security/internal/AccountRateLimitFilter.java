package nl.weerbaar.security.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.internal.SecurityProperties.AccountRateProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request rate per signed-in account, whether it came with a session or a token (ASVS V2.4.1): a token bucket of
 * {@code capacity} requests refilled evenly over {@code period}. Past it, the API answers 429 with a problem and
 * {@code Retry-After}; a page gets the error page with the same status and header.
 * <p>
 * The buckets live in this node's memory (Bucket4j's local bucket, one per account in a Caffeine cache that forgets an
 * account idle for two periods), not in PostgreSQL as the sign-in throttles are: this limit is consulted on every
 * request, and a row lock per request would cost more than it protects. With n nodes behind a balancer an account may
 * make up to n times the rate; the limit is against a runaway script or a scraper, not a guesser (sign-in and codes
 * keep their shared buckets).
 */
class AccountRateLimitFilter extends OncePerRequestFilter {

	static final String PROBLEM_TYPE = "urn:weerbaar:problem:rate-limited";

	private final AccountRateProperties properties;
	private final Cache<UUID, Bucket> buckets;

	AccountRateLimitFilter(AccountRateProperties properties) {
		this.properties = properties;
		Duration idle = properties.period().multipliedBy(2);
		this.buckets = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(100_000).build();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!properties.enabled() || authentication == null
				|| !(authentication.getPrincipal() instanceof AccountPrincipal account)) {
			chain.doFilter(request, response);
			return;
		}
		Bucket bucket = buckets.get(account.id().value(), id -> Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(properties.capacity())
				.refillGreedy(properties.capacity(), properties.period())
				.build())
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			ProblemResponses.write(response, 429, PROBLEM_TYPE, "Too many requests",
					"This account made too many requests in a short time. Wait as long as Retry-After says.");
			return;
		}
		response.sendError(429);
	}
}
