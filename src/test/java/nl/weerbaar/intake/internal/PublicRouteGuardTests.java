package nl.weerbaar.intake.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import nl.weerbaar.intake.internal.PublicRouteGuard.FormCheck;
import nl.weerbaar.platform.Throttles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import nl.weerbaar.testing.WebTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot check and the rate limits of the public route, on a clock the test moves. */
@WebTest
@ExtendWith(OutputCaptureExtension.class)
class PublicRouteGuardTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	/** The buckets are in the shared test database: each test uses addresses of its own. */
	private final int network = new java.security.SecureRandom().nextInt(1 << 16);

	private String address(int host) {
		return "10." + (network >> 8) + "." + (network & 0xff) + "." + host;
	}

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T10:00:00Z"));

	private PublicRouteGuard guard(int submissions, int wrongCodes, int wrongCodesTotal) {
		return guard(Duration.ofSeconds(3), submissions, wrongCodes, wrongCodesTotal);
	}

	private PublicRouteGuard guard(Duration minFillTime, int submissions, int wrongCodes, int wrongCodesTotal) {
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
		IntakeProperties properties = new IntakeProperties(null, new IntakeProperties.PublicForm(minFillTime,
				Duration.ofHours(4), submissions, wrongCodes, wrongCodesTotal));
		return new PublicRouteGuard(properties, jdbc, clock, new Throttles(dataSource, jdbc, clock));
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
	void theTokenIsRequiredEvenWithoutTheTimingCheck() {
		PublicRouteGuard guard = guard(Duration.ZERO, 5, 5, 500);
		assertThat(guard.check(null)).isEqualTo(FormCheck.INVALID);
		assertThat(guard.check("")).isEqualTo(FormCheck.INVALID);
		assertThat(guard.check(guard.formToken())).isEqualTo(FormCheck.OK);
	}

	@Test
	void submissionsPerAddressAreLimitedAndRefillOverTheHour() {
		PublicRouteGuard guard = guard(3, 5, 500);
		for (int i = 0; i < 3; i++) {
			assertThat(guard.trySubmit(address(1))).isTrue();
		}
		assertThat(guard.trySubmit(address(1))).isFalse();
		assertThat(guard.trySubmit(address(2))).as("another address has its own allowance").isTrue();
		now.set(now.get().plus(Duration.ofMinutes(20)));
		assertThat(guard.trySubmit(address(1))).as("one back after a third of the hour").isTrue();
		assertThat(guard.trySubmit(address(1))).isFalse();
	}

	@Test
	void aFormWithAMistakeToCorrectDoesNotCount() {
		PublicRouteGuard guard = guard(1, 5, 500);
		for (int i = 0; i < 5; i++) {
			assertThat(guard.trySubmit(address(1))).isTrue();
			guard.notSubmitted(address(1));
		}
		assertThat(guard.trySubmit(address(1))).isTrue();
		assertThat(guard.trySubmit(address(1))).isFalse();
	}

	@Test
	void wrongCodesFromManyAddressesRefuseNobodyButRaiseTheAlarm(CapturedOutput output) {
		PublicRouteGuard guard = guard(5, 2, 3);
		jdbc.sql("delete from throttle_bucket").update();
		for (int host = 20; host < 24; host++) {
			assertThat(guard.tryCode(address(host))).isTrue();
			guard.wrongCode();
		}
		assertThat(guard.tryCode(address(30))).as("no bucket for all addresses that one sender can empty").isTrue();
		assertThat(guard.guessingAlarm()).isTrue();
		guard.wrongCode();
		assertThat(output).containsOnlyOnce("wrong receipt codes in the last hour").doesNotContain(address(20));
	}

	@Test
	void twoAddressesInOneIpv6Slash64ShareABucket() {
		PublicRouteGuard guard = guard(5, 2, 500);
		String prefix = "2001:db8:" + Integer.toHexString(network) + ":7:";
		assertThat(guard.tryCode(prefix + "1::1")).isTrue();
		assertThat(guard.tryCode(prefix + "2::2")).isTrue();
		assertThat(guard.tryCode(prefix + "3::3")).isFalse();
	}

	@Test
	void wrongCodesCloseTheAddressAndARightOneDoesNotCount() {
		PublicRouteGuard guard = guard(5, 2, 500);
		assertThat(guard.tryCode(address(11))).isTrue();
		guard.rightCode(address(11));
		assertThat(guard.tryCode(address(11))).isTrue();
		assertThat(guard.tryCode(address(11))).isTrue();
		assertThat(guard.tryCode(address(11))).isFalse();
		assertThat(guard.tryCode(address(12))).isTrue();
	}
}
