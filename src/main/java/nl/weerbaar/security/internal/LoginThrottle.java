package nl.weerbaar.security.internal;

import java.time.Duration;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import nl.weerbaar.platform.Throttles;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of passwords and second-factor codes, per username (known or not, so that nothing tells the
 * two apart) and per address, with a token bucket (Bucket4j) of three limits: each failure takes a token, an attempt
 * waits while a bucket is empty, and the longer the failures go on, the slower the tokens come back (see
 * {@link SecurityProperties.LoginThrottleProperties}). The buckets are the {@link Throttles}', in PostgreSQL, so every
 * node counts the same failures.
 */
@Component
public class LoginThrottle {

	private final Throttles throttles;
	private final int freeAttempts;
	private final int freeAttemptsPerAddress;
	private final Duration firstDelay;
	private final Duration maxDelay;

	LoginThrottle(SecurityProperties properties, Throttles throttles) {
		this.throttles = throttles;
		this.freeAttempts = properties.loginThrottle().freeAttempts();
		this.freeAttemptsPerAddress = properties.loginThrottle().freeAttemptsPerAddress();
		this.firstDelay = properties.loginThrottle().firstDelay();
		this.maxDelay = properties.loginThrottle().maxDelay();
	}

	/** True when an attempt for this username from this address must wait; nothing is checked then. */
	public boolean isBlocked(String username, String address) {
		return empty(userBucket(username)) || empty(addressBucket(address));
	}

	public void failed(String username, String address) {
		userBucket(username).tryConsume(1);
		addressBucket(address).tryConsume(1);
	}

	/** A complete sign-in (all its factors) clears the username's failures; a right password alone does not. */
	public void succeeded(String username) {
		throttles.reset(userKey(username));
	}

	private Bucket userBucket(String username) {
		return throttles.bucket(userKey(username), () -> configuration(freeAttempts));
	}

	private Bucket addressBucket(String address) {
		return throttles.bucket("login:address:" + address, () -> configuration(freeAttemptsPerAddress));
	}

	private BucketConfiguration configuration(int free) {
		return BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(free).refillGreedy(1, firstDelay))
			.addLimit(limit -> limit.capacity(2L * free).refillGreedy(1, firstDelay.multipliedBy(8)))
			.addLimit(limit -> limit.capacity(4L * free).refillGreedy(1, maxDelay))
			.build();
	}

	private static boolean empty(Bucket bucket) {
		return bucket.getAvailableTokens() < 1;
	}

	private static String userKey(String username) {
		return "login:user:" + username;
	}
}
