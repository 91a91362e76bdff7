package nl.weerbaar.security.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sessionAbsoluteTimeout a session ends this long after sign-in, however active (the idle timeout is
 *        {@code spring.session.timeout})
 * @param loginThrottle how sign-in attempts slow down after failures
 */
@ConfigurationProperties("weerbaar.security")
public record SecurityProperties(@DefaultValue("12h") Duration sessionAbsoluteTimeout,
		@DefaultValue LoginThrottleProperties loginThrottle) {

	/**
	 * @param freeAttempts failures per username before delays start
	 * @param freeAttemptsPerAddress failures from one network address before delays start (many people may share one)
	 * @param firstDelay the wait after the first failure beyond the free ones; it doubles with each further failure
	 * @param maxDelay the longest wait between two attempts
	 */
	public record LoginThrottleProperties(@DefaultValue("5") int freeAttempts,
			@DefaultValue("20") int freeAttemptsPerAddress, @DefaultValue("1s") Duration firstDelay,
			@DefaultValue("15m") Duration maxDelay) {
	}
}
