package nl.weerbaar.security.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import nl.weerbaar.platform.ClientAddress;
import nl.weerbaar.platform.Throttles;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of passwords and second-factor codes with token buckets (Bucket4j): per username and address
 * together (the username known or not, so that nothing tells the two apart), three limits: the free attempts go at
 * once, and the longer the failures go on, the slower the tokens come back; per username from all addresses a higher
 * ceiling that refills slowly, so that failures from elsewhere cannot lock a person out quickly while a guesser
 * spread over many addresses still meets a limit; and per address across usernames (IPv6 per /64). See
 * {@link SecurityProperties.LoginThrottleProperties}. Each attempt takes a token from all three before anything is
 * checked, and waits while one is empty. Taking first means a burst of parallel
 * attempts gets no more tries than the same attempts one after the other; an attempt that turns out right gives its
 * token back. The buckets are the {@link Throttles}', in PostgreSQL, so every node counts the same attempts.
 */
@Component
public class LoginThrottle {

	private final Throttles throttles;
	private final int freeAttempts;
	private final int freeAttemptsPerAddress;
	private final int attemptsPerUsername;
	private final Duration firstDelay;
	private final Duration maxDelay;

	LoginThrottle(SecurityProperties properties, Throttles throttles) {
		this.throttles = throttles;
		this.freeAttempts = properties.loginThrottle().freeAttempts();
		this.freeAttemptsPerAddress = properties.loginThrottle().freeAttemptsPerAddress();
		this.attemptsPerUsername = properties.loginThrottle().attemptsPerUsername();
		this.firstDelay = properties.loginThrottle().firstDelay();
		this.maxDelay = properties.loginThrottle().maxDelay();
	}

	/**
	 * Takes one attempt for this username from this address; false, and nothing taken, when it must wait (then
	 * nothing may be checked).
	 */
	public boolean tryAttempt(String username, String address) {
		List<Bucket> taken = new ArrayList<>();
		for (Bucket bucket : buckets(username, address)) {
			if (!bucket.tryConsume(1)) {
				taken.forEach(each -> each.addTokens(1));
				return false;
			}
			taken.add(bucket);
		}
		return true;
	}

	/** The attempt was right (a password before its second factor, a step-up): it does not count. */
	public void giveBack(String username, String address) {
		buckets(username, address).forEach(bucket -> bucket.addTokens(1));
	}

	/**
	 * A complete sign-in (all its factors) clears the failures of the username from this address; a right password
	 * alone does not.
	 */
	public void succeeded(String username, String address) {
		throttles.reset(pairKey(username, address));
		usernameBucket(username).addTokens(1);
		addressBucket(address).addTokens(1);
	}

	private List<Bucket> buckets(String username, String address) {
		return List.of(throttles.bucket(pairKey(username, address), () -> configuration(freeAttempts)),
				usernameBucket(username), addressBucket(address));
	}

	private Bucket usernameBucket(String username) {
		return throttles.bucket("login:user:" + username, () -> BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(attemptsPerUsername).refillGreedy(1, maxDelay))
			.build());
	}

	private Bucket addressBucket(String address) {
		return throttles.bucket("login:address:" + ClientAddress.throttleKey(address),
				() -> configuration(freeAttemptsPerAddress));
	}

	private BucketConfiguration configuration(int free) {
		return BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(free).refillGreedy(1, firstDelay))
			.addLimit(limit -> limit.capacity(2L * free).refillGreedy(1, firstDelay.multipliedBy(8)))
			.addLimit(limit -> limit.capacity(4L * free).refillGreedy(1, maxDelay))
			.build();
	}

	private static String pairKey(String username, String address) {
		return "login:user-address:" + username + "\n" + ClientAddress.throttleKey(address);
	}
}
