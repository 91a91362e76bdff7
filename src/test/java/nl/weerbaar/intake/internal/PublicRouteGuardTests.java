package nl.weerbaar.intake.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import nl.weerbaar.intake.internal.PublicRouteGuard.FormCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import nl.weerbaar.testing.WebTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot check and the rate limits of the public route, on a clock the test moves. */
@WebTest
class PublicRouteGuardTests {

	@Autowired
	JdbcClient jdbc;

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T10:00:00Z"));

	private PublicRouteGuard guard(int submissions, int wrongCodes, int wrongCodesTotal) {
		Clock clock = new Clock() {
			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}
		};
		IntakeProperties properties = new IntakeProperties(null, new IntakeProperties.PublicForm(Duration.ofSeconds(3),
				Duration.ofHours(4), submissions, wrongCodes, wrongCodesTotal));
		return new PublicRouteGuard(properties, jdbc, clock);
	}

	@Test
	void aFormSentBackWithinSecondsIsTakenForABotsAndAnOldOneIsShownAgain() {
		PublicRouteGuard guard = guard(5, 5, 500);
		String token = guard.formToken();
		assertThat(guard.check(token)).isEqualTo(FormCheck.TOO_FAST);
		now.set(now.get().plusSeconds(20));
		assertThat(guard.check(token)).isEqualTo(FormCheck.OK);
		now.set(now.get().plus(Duration.ofHours(5)));
		assertThat(guard.check(token)).isEqualTo(FormCheck.EXPIRED);
	}

	@Test
	void aForgedOrChangedTokenIsInvalid() {
		PublicRouteGuard guard = guard(5, 5, 500);
		String token = guard.formToken();
		String issued = token.substring(0, token.indexOf('.'));
		String earlier = (Long.parseLong(issued) - 60) + token.substring(token.indexOf('.'));
		assertThat(guard.check(earlier)).as("an earlier time with the same signature").isEqualTo(FormCheck.INVALID);
		assertThat(guard.check(null)).as("required while the timing check is on").isEqualTo(FormCheck.INVALID);
		assertThat(guard.check("")).isEqualTo(FormCheck.INVALID);
		assertThat(guard.check("1.abc")).isEqualTo(FormCheck.INVALID);
		assertThat(guard.check("99999999999999999999." + "a".repeat(43))).isEqualTo(FormCheck.INVALID);
	}

	@Test
	void submissionsPerAddressAreLimitedAndRefillOverTheHour() {
		PublicRouteGuard guard = guard(3, 5, 500);
		for (int i = 0; i < 3; i++) {
			assertThat(guard.maySubmit("192.0.2.1")).isTrue();
			guard.submitted("192.0.2.1");
		}
		assertThat(guard.maySubmit("192.0.2.1")).isFalse();
		assertThat(guard.maySubmit("192.0.2.2")).as("another address has its own allowance").isTrue();
	}

	@Test
	void wrongCodesCloseTheAddressAndManyAddressesTogetherCloseTheRoute() {
		PublicRouteGuard guard = guard(5, 2, 3);
		assertThat(guard.mayTryCode("198.51.100.1")).isTrue();
		guard.wrongCode("198.51.100.1");
		guard.wrongCode("198.51.100.1");
		assertThat(guard.mayTryCode("198.51.100.1")).isFalse();
		assertThat(guard.mayTryCode("198.51.100.2")).isTrue();
		guard.wrongCode("198.51.100.2");
		assertThat(guard.mayTryCode("198.51.100.3")).as("guessing spread over addresses").isFalse();
	}
}
