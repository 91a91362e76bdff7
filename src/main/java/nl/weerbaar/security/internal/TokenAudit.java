package nl.weerbaar.security.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import nl.weerbaar.platform.ClientAddress;
import nl.weerbaar.security.AccountEvents.AccessTokenRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records refused bearer tokens in the audit trail (ASVS V16.3.1) without letting a script flood it: every refusal
 * from a client address is recorded, up to {@link #RECORDED_PER_MINUTE} in a minute; past that, the refusals of that
 * minute are answered (401) but not recorded one by one, and one log line says so (without the address). Tokens that
 * work are recorded in {@link AccessTokens}, once per token per minute.
 */
@Component
class TokenAudit {

	static final int RECORDED_PER_MINUTE = 10;

	private static final Logger log = LoggerFactory.getLogger(TokenAudit.class);

	private final ApplicationEventPublisher events;
	private final Cache<String, AtomicInteger> perAddress = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.maximumSize(100_000)
		.build();

	TokenAudit(ApplicationEventPublisher events) {
		this.events = events;
	}

	void rejected(HttpServletRequest request) {
		String origin = ClientAddress.of(request);
		int count = perAddress.get(origin, address -> new AtomicInteger()).incrementAndGet();
		if (count <= RECORDED_PER_MINUTE) {
			events.publishEvent(new AccessTokenRejected(origin));
		}
		else if (count == RECORDED_PER_MINUTE + 1) {
			log.warn("More than {} refused access tokens from one address within a minute; the rest of that minute is "
					+ "answered but not recorded one by one", RECORDED_PER_MINUTE);
		}
	}
}
