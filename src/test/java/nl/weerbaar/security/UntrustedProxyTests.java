package nl.weerbaar.security;

import java.util.Map;
import java.util.Random;

import nl.weerbaar.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no proxy named in {@code WEERBAAR_TRUSTED_PROXIES}, the socket's address counts: a sender cannot pick a new
 * address for each guess by writing {@code X-Forwarded-For}. (A database of its own, so no other test's guesses from
 * loopback count here.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "WEERBAAR_TRUSTED_PROXIES=", "weerbaar.test.database=untrusted_proxy" })
class UntrustedProxyTests {

	@LocalServerPort
	int port;

	@Test
	void aForwardedHeaderFromAnUnnamedProxyIsIgnored() {
		Random random = new Random();
		for (int i = 0; i < 5; i++) {
			assertThat(wrongCode("203.0.113." + (1 + random.nextInt(250)))).isEqualTo(400);
		}
		assertThat(wrongCode("198.51.100." + (1 + random.nextInt(250))))
			.as("every guess counted for the socket's address").isEqualTo(429);
	}

	private int wrongCode(String claimed) {
		WebSession guesser = new WebSession(port);
		guesser.get("/hulp/status");
		return guesser.post("/hulp/status", Map.of("code", "1234 5678 9012 3456 7890"), "X-Forwarded-For", claimed)
			.status();
	}
}
