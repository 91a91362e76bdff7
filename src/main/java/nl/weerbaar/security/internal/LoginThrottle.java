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
 * <p>
 * The per-username ceiling does not apply from an address (IPv6: /64) where the username completed a sign-in within
 * {@link #KNOWN_FOR}: otherwise anyone with a few addresses could keep a mayor out by spending that ceiling with wrong
 * passwords. Only a complete sign-in (all factors) makes an address known, so a guesser never gains it.
 */
@Component
public class LoginThrottle {

	/** How long an address where the username completed a sign-in stays free of the per-username ceiling. */
	static final Duration KNOWN_FOR = Duration.ofDays(90);

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
		if (!known(username, address)) {
			usernameBucket(username).addTokens(1);
		}
		addressBucket(address).addTokens(1);
		// known from now for KNOWN_FOR: a bucket of one token, taken, that takes that long to fill again
		throttles.reset(knownKey(username, address));
		knownBucket(username, address).tryConsume(1);
	}

	private List<Bucket> buckets(String username, String address) {
		Bucket pair = throttles.bucket(pairKey(username, address), () -> configuration(freeAttempts));
		return known(username, address) ? List.of(pair, addressBucket(address))
				: List.of(pair, usernameBucket(username), addressBucket(address));
	}

	private boolean known(String username, String address) {
		// asked only when it is there, so that an unknown address leaves no bucket behind
		return throttles.exists(knownKey(username, address)) && knownBucket(username, address).getAvailableTokens() < 1;
	}

	private Bucket knownBucket(String username, String address) {
		return throttles.bucket(knownKey(username, address), () -> BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(1).refillIntervally(1, KNOWN_FOR))
			.build());
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

	private static String knownKey(String username, String address) {
		return "login:known:" + username + "\n" + ClientAddress.throttleKey(address);
	}

	private static String pairKey(String username, String address) {
		return "login:user-address:" + username + "\n" + ClientAddress.throttleKey(address);
	}
}
