package nl.weerbaar.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after a few failures for one username (known or not, so that nothing tells the two
 * apart) or from one address, each next attempt must wait twice as long as the one before, up to a maximum.
 * Counts are kept per node, in memory, for an hour after the last failure.
 */
@Component
public class LoginThrottle {

	private final Cache<String, Failures> failures = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofHours(1))
		.maximumSize(100_000)
		.build();
	private final int freeAttempts;
	private final int freeAttemptsPerAddress;
	private final Duration firstDelay;
	private final Duration maxDelay;
	private final Clock clock;

	LoginThrottle(SecurityProperties properties, Clock clock) {
		this.freeAttempts = properties.loginThrottle().freeAttempts();
		this.freeAttemptsPerAddress = properties.loginThrottle().freeAttemptsPerAddress();
		this.firstDelay = properties.loginThrottle().firstDelay();
		this.maxDelay = properties.loginThrottle().maxDelay();
		this.clock = clock;
	}

	/** True when an attempt for this username from this address must wait; nothing is checked then. */
	public boolean isBlocked(String username, String address) {
		Instant now = clock.instant();
		return blocked(failures.getIfPresent(userKey(username)), now)
				|| blocked(failures.getIfPresent(addressKey(address)), now);
	}

	public void failed(String username, String address) {
		Instant now = clock.instant();
		failures.asMap().compute(userKey(username), (key, previous) -> next(previous, freeAttempts, now));
		failures.asMap().compute(addressKey(address), (key, previous) -> next(previous, freeAttemptsPerAddress, now));
	}

	public void succeeded(String username) {
		failures.invalidate(userKey(username));
	}

	private Failures next(Failures previous, int free, Instant now) {
		int count = previous == null ? 1 : previous.count() + 1;
		if (count <= free) {
			return new Failures(count, Instant.MIN);
		}
		Duration delay = firstDelay.multipliedBy(1L << Math.min(20, count - free - 1));
		return new Failures(count, now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay));
	}

	private static boolean blocked(Failures failures, Instant now) {
		return failures != null && now.isBefore(failures.blockedUntil());
	}

	private static String userKey(String username) {
		return "u:" + username;
	}

	private static String addressKey(String address) {
		return "a:" + address;
	}

	private record Failures(int count, Instant blockedUntil) {
	}
}
