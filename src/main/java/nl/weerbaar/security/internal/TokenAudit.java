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
 * from a client address (an IPv6 address counts per /64, as for the sign-in throttles) is recorded, up to
 * {@link #RECORDED_PER_MINUTE} in a minute, and at most {@link #RECORDED_PER_MINUTE_IN_ALL} from all addresses
 * together on this node; past that, the refusals of that minute are answered (401) but not recorded one by one, and
 * one log line says so (without the address). A flood from many addresses so cannot fill the trail or hold up the
 * audited work of others. Tokens that work are recorded in {@link AccessTokens}, once per token per minute.
 */
@Component
class TokenAudit {

	static final int RECORDED_PER_MINUTE = 10;

	static final int RECORDED_PER_MINUTE_IN_ALL = 100;

	private static final String ALL = "*";

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
		int count = perAddress.get(ClientAddress.throttleKey(origin), address -> new AtomicInteger()).incrementAndGet();
		if (count > RECORDED_PER_MINUTE) {
			if (count == RECORDED_PER_MINUTE + 1) {
				log.warn("More than {} refused access tokens from one address within a minute; the rest of that minute "
						+ "is answered but not recorded one by one", RECORDED_PER_MINUTE);
			}
			return;
		}
		int inAll = perAddress.get(ALL, all -> new AtomicInteger()).incrementAndGet();
		if (inAll <= RECORDED_PER_MINUTE_IN_ALL) {
			events.publishEvent(new AccessTokenRejected(origin));
		}
		else if (inAll == RECORDED_PER_MINUTE_IN_ALL + 1) {
			log.warn("More than {} refused access tokens within a minute from all addresses; the rest of that minute is "
					+ "answered but not recorded one by one", RECORDED_PER_MINUTE_IN_ALL);
		}
	}
}
