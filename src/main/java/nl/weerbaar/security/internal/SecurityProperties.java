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
	 * @param freeAttempts failures per account or address before delays start
	 * @param maxDelay the longest wait between two attempts
	 */
	public record LoginThrottleProperties(@DefaultValue("5") int freeAttempts, @DefaultValue("15m") Duration maxDelay) {
	}
}
