package nl.weerbaar.security.internal;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of passwords and second-factor codes, per username (known or not, so that nothing tells the
 * two apart) and per address, with a token bucket (Bucket4j) of three limits: each failure takes a token, an attempt
 * waits while a bucket is empty, and the longer the failures go on, the slower the tokens come back (see
 * {@link SecurityProperties.LoginThrottleProperties}). Buckets are kept per node, in memory, for an hour after
 * their last use.
 */
@Component
public class LoginThrottle {

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofHours(1))
		.maximumSize(100_000)
		.build();
	private final int freeAttempts;
	private final int freeAttemptsPerAddress;
	private final Duration firstDelay;
	private final Duration maxDelay;
	private final TimeMeter time;

	LoginThrottle(SecurityProperties properties, Clock clock) {
		this.freeAttempts = properties.loginThrottle().freeAttempts();
		this.freeAttemptsPerAddress = properties.loginThrottle().freeAttemptsPerAddress();
		this.firstDelay = properties.loginThrottle().firstDelay();
		this.maxDelay = properties.loginThrottle().maxDelay();
		this.time = new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				return clock.millis() * 1_000_000L;
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}
		};
	}

	/** True when an attempt for this username from this address must wait; nothing is checked then. */
	public boolean isBlocked(String username, String address) {
		return empty(buckets.getIfPresent(userKey(username))) || empty(buckets.getIfPresent(addressKey(address)));
	}

	public void failed(String username, String address) {
		buckets.get(userKey(username), key -> bucket(freeAttempts)).tryConsume(1);
		buckets.get(addressKey(address), key -> bucket(freeAttemptsPerAddress)).tryConsume(1);
	}

	/** A complete sign-in (all its factors) clears the username's failures; a right password alone does not. */
	public void succeeded(String username) {
		buckets.invalidate(userKey(username));
	}

	private Bucket bucket(int free) {
		return Bucket.builder()
			.addLimit(limit -> limit.capacity(free).refillGreedy(1, firstDelay))
			.addLimit(limit -> limit.capacity(2L * free).refillGreedy(1, firstDelay.multipliedBy(8)))
			.addLimit(limit -> limit.capacity(4L * free).refillGreedy(1, maxDelay))
			.withCustomTimePrecision(time)
			.build();
	}

	private static boolean empty(Bucket bucket) {
		return bucket != null && bucket.getAvailableTokens() < 1;
	}

	private static String userKey(String username) {
		return "u:" + username;
	}

	private static String addressKey(String address) {
		return "a:" + address;
	}
}
