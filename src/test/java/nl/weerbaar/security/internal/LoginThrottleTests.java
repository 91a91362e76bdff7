package nl.weerbaar.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import nl.weerbaar.security.Role;
import nl.weerbaar.security.internal.SecurityProperties.LoginThrottleProperties;
import nl.weerbaar.security.internal.SecurityProperties.SecondFactorProperties;
import nl.weerbaar.security.internal.SecurityProperties.WebAuthnProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	private final MutableClock clock = new MutableClock();
	private final LoginThrottle throttle = new LoginThrottle(new SecurityProperties(Duration.ofHours(12),
			new LoginThrottleProperties(3, 10, Duration.ofSeconds(1), Duration.ofSeconds(100)),
			new SecondFactorProperties(Set.of(Role.ADMIN), false), Duration.ofMinutes(10), Duration.ofHours(24),
			new SecurityProperties.TokenProperties(null), new WebAuthnProperties("localhost", "Weerbaar", List.of())), clock);

	@Test
	void theFreeAttemptsGoAtOnceAndTheNextWaits() {
		fail("alice", "10.0.0.1", 2);
		assertThat(throttle.isBlocked("alice", "10.0.0.1")).isFalse();
		fail("alice", "10.0.0.1", 1);
		assertThat(throttle.isBlocked("alice", "10.0.0.1")).isTrue();
		assertThat(throttle.isBlocked("alice", "10.0.0.2")).as("by username, from any address").isTrue();
		assertThat(throttle.isBlocked("bob", "10.0.0.1")).as("another username from the same address").isFalse();
	}

	@Test
	void theWaitGrowsAsTheFailuresGoOn() {
		List<Duration> waits = new java.util.ArrayList<>();
		for (int attempt = 0; attempt < 16; attempt++) {
			waits.add(waitUntilFree("alice"));
			fail("alice", "10.0.0.1", 1);
		}
		assertThat(waits.subList(0, 3)).as("the free attempts").containsOnly(Duration.ZERO);
		assertThat(waits.subList(3, 6)).as("then one per first delay").containsOnly(Duration.ofSeconds(1));
		assertThat(waits.subList(7, 12)).as("past twice the free attempts: one per eight first delays")
			.containsOnly(Duration.ofSeconds(8));
		assertThat(waits.get(15)).as("past four times the free attempts: one per maximum delay")
			.isEqualTo(Duration.ofSeconds(100));
	}

	/** Advances the clock a second at a time until the username may try again; returns how long that took. */
	private Duration waitUntilFree(String username) {
		Duration waited = Duration.ZERO;
		while (throttle.isBlocked(username, "10.0.0.1")) {
			clock.advance(Duration.ofSeconds(1));
			waited = waited.plusSeconds(1);
		}
		return waited;
	}

	@Test
	void anAddressIsThrottledAcrossUsernames() {
		for (int i = 0; i < 11; i++) {
			fail("user" + i, "10.0.0.9", 1);
		}
		assertThat(throttle.isBlocked("someone-else", "10.0.0.9")).isTrue();
		assertThat(throttle.isBlocked("someone-else", "10.0.0.8")).isFalse();
	}

	@Test
	void aSuccessClearsTheUsernamesCount() {
		fail("bob", "10.0.0.1", 3);
		throttle.succeeded("bob");
		fail("bob", "10.0.0.1", 2);
		assertThat(throttle.isBlocked("bob", "10.0.0.1")).isFalse();
	}

	private void fail(String username, String address, int times) {
		for (int i = 0; i < times; i++) {
			throttle.failed(username, address);
		}
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
