package nl.weerbaar.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import nl.weerbaar.platform.Throttles;
import nl.weerbaar.security.Role;
import nl.weerbaar.security.internal.SecurityProperties.LoginThrottleProperties;
import nl.weerbaar.security.internal.SecurityProperties.SecondFactorProperties;
import nl.weerbaar.security.internal.SecurityProperties.WebAuthnProperties;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in throttle on its PostgreSQL buckets, on a clock the test moves; names are unique per test. */
@WebTest
class LoginThrottleTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	private final MutableClock clock = new MutableClock();
	private LoginThrottle throttle;

	@BeforeEach
	void setUp() {
		throttle = throttle(100);
	}

	private LoginThrottle throttle(int attemptsPerUsername) {
		return new LoginThrottle(new SecurityProperties(Duration.ofHours(12),
				new LoginThrottleProperties(3, 10, attemptsPerUsername, Duration.ofSeconds(1), Duration.ofSeconds(100)),
				new SecondFactorProperties(Set.of(Role.ADMIN), false), Duration.ofMinutes(10), Duration.ofHours(24),
				new SecurityProperties.TokenProperties(null), new WebAuthnProperties("localhost", "Weerbaar", List.of()),
				Duration.ofHours(24), new SecurityProperties.AccountRateProperties(true, 600, Duration.ofMinutes(1)),
				Duration.ofDays(7)),
				new Throttles(dataSource, jdbc, clock));
	}

	@Test
	void theFreeAttemptsGoAtOnceAndTheNextWaits() {
		assertThat(attempts("alice", "10.0.0.1", 3)).isEqualTo(3);
		assertThat(attempt("alice", "10.0.0.1")).isFalse();
		assertThat(attempt("bob", "10.0.0.1")).as("another username from the same address").isTrue();
	}

	@Test
	void failuresFromAnotherAddressDoNotLockTheUsernameForANewAddress() {
		assertThat(attempts("alice", "10.0.0.1", 4)).isEqualTo(3);
		assertThat(attempt("alice", "10.0.0.2")).as("the person, from their own address").isTrue();
	}

	@Test
	void aGuesserSpreadOverAddressesMeetsTheUsernamesCeiling() {
		throttle = throttle(6);
		for (int i = 1; i <= 6; i++) {
			assertThat(attempt("alice", "10.0.0." + i)).isTrue();
		}
		assertThat(attempt("alice", "10.0.0.7")).isFalse();
		clock.advance(Duration.ofSeconds(100));
		assertThat(attempt("alice", "10.0.0.7")).as("one per maximum delay").isTrue();
		assertThat(attempt("alice", "10.0.0.8")).isFalse();
	}

	@Test
	void aGuesserWhoSpendsTheUsernamesCeilingDoesNotLockThePersonOutWhereTheySignedInBefore() {
		throttle = throttle(6);
		throttle.succeeded("mayor" + tag, address("10.0.0.1"));
		for (int i = 2; i <= 7; i++) {
			assertThat(attempt("mayor", "10.0.0." + i)).isTrue();
		}
		assertThat(attempt("mayor", "10.0.0.8")).as("the ceiling holds for a guesser").isFalse();
		assertThat(attempt("mayor", "10.0.0.1")).as("the mayor, where they signed in before").isTrue();
		clock.advance(Duration.ofDays(91));
		for (int i = 2; i <= 7; i++) {
			assertThat(attempt("mayor", "10.0.1." + i)).isTrue();
		}
		assertThat(attempt("mayor", "10.0.0.1")).as("known only for a while").isFalse();
	}

	@Test
	void ipv6AddressesCountPerSlash64() {
		String prefix = "2001:db8:" + Integer.toHexString(network) + ":1:";
		assertThat(throttle.tryAttempt("erin" + tag, prefix + "a::1")).isTrue();
		assertThat(throttle.tryAttempt("erin" + tag, prefix + "b::2")).isTrue();
		assertThat(throttle.tryAttempt("erin" + tag, prefix + "ffff:ffff:ffff:ffff")).isTrue();
		assertThat(throttle.tryAttempt("erin" + tag, prefix + "c::3")).as("one /64: one bucket").isFalse();
		assertThat(throttle.tryAttempt("erin" + tag, "2001:db8:" + Integer.toHexString(network) + ":2::1"))
			.as("the next /64").isTrue();
	}

	@Test
	void theWaitGrowsAsTheFailuresGoOn() {
		List<Duration> waits = new java.util.ArrayList<>();
		for (int attempt = 0; attempt < 16; attempt++) {
			waits.add(waitForAttempt("alice"));
		}
		assertThat(waits.subList(0, 3)).as("the free attempts").containsOnly(Duration.ZERO);
		assertThat(waits.subList(3, 6)).as("then one per first delay").containsOnly(Duration.ofSeconds(1));
		assertThat(waits.subList(7, 12)).as("past twice the free attempts: one per eight first delays")
			.containsOnly(Duration.ofSeconds(8));
		assertThat(waits.get(15)).as("past four times the free attempts: one per maximum delay")
			.isEqualTo(Duration.ofSeconds(100));
	}

	/** Advances the clock a second at a time until the username may try again; returns how long that took. */
	private Duration waitForAttempt(String username) {
		Duration waited = Duration.ZERO;
		while (!attempt(username, "10.0.0.1")) {
			clock.advance(Duration.ofSeconds(1));
			waited = waited.plusSeconds(1);
		}
		return waited;
	}

	@Test
	void anAddressIsThrottledAcrossUsernames() {
		for (int i = 0; i < 10; i++) {
			assertThat(attempt("user" + i, "10.0.0.9")).isTrue();
		}
		assertThat(attempt("someone-else", "10.0.0.9")).isFalse();
		assertThat(attempt("someone-else", "10.0.0.8")).isTrue();
	}

	@Test
	void aSuccessClearsTheUsernamesCount() {
		attempts("bob", "10.0.0.1", 3);
		throttle.succeeded("bob" + tag, address("10.0.0.1"));
		assertThat(attempts("bob", "10.0.0.1", 4)).isEqualTo(3);
	}

	@Test
	void aRightAttemptGivesItsTokenBack() {
		for (int i = 0; i < 10; i++) {
			assertThat(attempt("carol", "10.0.0.1")).isTrue();
			throttle.giveBack("carol" + tag, address("10.0.0.1"));
		}
		assertThat(attempts("carol", "10.0.0.1", 4)).isEqualTo(3);
	}

	@Test
	void aBurstOfParallelAttemptsGetsNoMoreThanTheFreeOnes() throws Exception {
		try (var threads = java.util.concurrent.Executors.newFixedThreadPool(10)) {
			var tries = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
			for (int i = 0; i < 30; i++) {
				tries.add(threads.submit(() -> attempt("dave", "10.0.0.1")));
			}
			int allowed = 0;
			for (var each : tries) {
				allowed += each.get() ? 1 : 0;
			}
			assertThat(allowed).isEqualTo(3);
		}
	}

	private boolean attempt(String username, String address) {
		return throttle.tryAttempt(username + tag, address(address));
	}

	/** How many of so many attempts were let through. */
	private int attempts(String username, String address, int times) {
		int allowed = 0;
		for (int i = 0; i < times; i++) {
			allowed += attempt(username, address) ? 1 : 0;
		}
		return allowed;
	}

	/** The buckets are in the shared test database: each test uses names and a network of its own. */
	private final String tag = "-" + java.util.UUID.randomUUID();
	private final int network = new java.security.SecureRandom().nextInt(1 << 16);

	private String address(String address) {
		String[] parts = address.split("\\.");
		return parts[0] + "." + (network >> 8) + "." + (network & 0xff) + "." + parts[3];
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-03-29T00:30:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	}
}
