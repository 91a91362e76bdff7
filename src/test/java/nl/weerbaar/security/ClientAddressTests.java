package nl.weerbaar.security;

import java.util.Map;
import java.util.Random;

import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy the operator named (the test settings name loopback in {@code WEERBAAR_TRUSTED_PROXIES}), the
 * address in {@code X-Forwarded-For} is the one the throttles count: a username is locked per address, and IPv6
 * addresses count per /64.
 */
@WebTest
class ClientAddressTests {

	private final Random random = new Random();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void failuresFromAnotherAddressDoNotLockThePersonOutButStayLockedThere() {
		TestAccount mayor = new TestAccounts(context).create(Role.COORDINATOR);
		String attacker = "203.0.113." + (1 + random.nextInt(250));
		String own = "198.51.100." + (1 + random.nextInt(250));
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(mayor.username(), "wrong " + i, attacker)).endsWith("/login?error");
		}
		assertThat(signIn(mayor.username(), TestAccounts.PASSWORD, attacker)).endsWith("/login?throttled");
		assertThat(signIn(mayor.username(), TestAccounts.PASSWORD, own)).as("the mayor, from their own address")
			.endsWith("/login/factor");
	}

	@Test
	void twoAddressesInOneIpv6Slash64ShareABucket() {
		String network = "2001:db8:" + Integer.toHexString(random.nextInt(0xffff)) + ":"
				+ Integer.toHexString(random.nextInt(0xffff)) + ":";
		for (int i = 0; i < 5; i++) {
			assertThat(wrongCode(network + Integer.toHexString(i + 1) + "::1")).isEqualTo(400);
		}
		assertThat(wrongCode(network + "ffff::1")).as("the same /64").isEqualTo(429);
		assertThat(wrongCode("2001:db8::" + Integer.toHexString(random.nextInt(0xffff)) + ":1"))
			.as("another /64").isEqualTo(400);
	}

	private String signIn(String username, String password, String from) {
		WebSession browser = new WebSession(port);
		browser.get("/login");
		return browser.post("/login", Map.of("username", username, "password", password), "X-Forwarded-For", from)
			.location();
	}

	private int wrongCode(String from) {
		WebSession guesser = new WebSession(port);
		guesser.get("/hulp/status");
		return guesser.post("/hulp/status", Map.of("code", "1234 5678 9012 3456 7890"), "X-Forwarded-For", from)
			.status();
	}
}
