package nl.weerbaar.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import nl.weerbaar.security.internal.SecurityProperties.LoginThrottleProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	private final MutableClock clock = new MutableClock();
	private final LoginThrottle throttle = new LoginThrottle(new SecurityProperties(Duration.ofHours(12),
			new LoginThrottleProperties(3, 10, Duration.ofSeconds(1), Duration.ofSeconds(10))), clock);

	@Test
	void theFreeAttemptsAreNotDelayed() {
		fail("alice", "10.0.0.1", 3);
		assertThat(throttle.isBlocked("alice", "10.0.0.1")).isFalse();
	}

	@Test
	void eachFailureBeyondTheFreeOnesDoublesTheWaitUpToTheMaximum() {
		fail("alice", "10.0.0.1", 4);
		assertThat(throttle.isBlocked("alice", "10.0.0.2")).as("by username, from any address").isTrue();
		clock.advance(Duration.ofMillis(1001));
		assertThat(throttle.isBlocked("alice", "10.0.0.1")).isFalse();
		fail("alice", "10.0.0.1", 1);
		clock.advance(Duration.ofMillis(1500));
		assertThat(throttle.isBlocked("alice", "10.0.0.1")).as("second delay is 2 s").isTrue();
		clock.advance(Duration.ofMillis(600));
		assertThat(throttle.isBlocked("alice", "10.0.0.1")).isFalse();
		fail("alice", "10.0.0.1", 10);
		clock.advance(Duration.ofSeconds(10).plusMillis(1));
		assertThat(throttle.isBlocked("alice", "10.0.0.1")).as("never longer than the maximum").isFalse();
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
		fail("bob", "10.0.0.1", 3);
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
