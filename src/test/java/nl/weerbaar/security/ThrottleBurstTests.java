package nl.weerbaar.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bursts of parallel guesses over loopback: each throttle takes its token before the work, so 30 guesses at once get
 * no more checks than the bucket allows one after the other (five for a username, five wrong receipt codes an hour).
 * A guess that was checked answers "wrong"; one refused before the check answers "throttled".
 */
@WebTest
class ThrottleBurstTests {

	private static final int BURST = 30;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void parallelWrongPasswordsGetNoMoreChecksThanTheFreeAttempts() throws Exception {
		TestAccount coordinator = new TestAccounts(context).create(Role.COORDINATOR);
		List<String> answers = burst(() -> new WebSession(port).signIn(coordinator.username(), "wrong password")
			.location());
		assertThat(answers.stream().filter(answer -> answer.endsWith("/login?error")).count())
			.as("checked against the hash").isEqualTo(5);
		assertThat(answers.stream().filter(answer -> answer.endsWith("/login?throttled")).count()).isEqualTo(BURST - 5);
	}

	@Test
	void parallelWrongFactorCodesGetNoMoreChecksThanTheFreeAttempts() throws Exception {
		TestAccount supporter = new TestAccounts(context).create(Role.SUPPORTER);
		WebSession browser = new WebSession(port);
		assertThat(browser.signInWithPasswordOnly(supporter.username(), TestAccounts.PASSWORD).location())
			.endsWith("/login/factor");
		browser.get("/login/factor");
		List<String> answers = burst(() -> browser.post("/login/factor/totp", Map.of("code", "000000")).location());
		assertThat(answers.stream().filter(answer -> answer.endsWith("?failed")).count()).as("checked").isEqualTo(5);
		assertThat(answers.stream().filter(answer -> answer.endsWith("?throttled")).count()).isEqualTo(BURST - 5);
	}

	@Test
	void parallelWrongReceiptCodesGetNoMoreLookUpsThanTheHourAllows() throws Exception {
		String address = "198.51.100." + (1 + new Random().nextInt(250));
		List<Integer> statuses = burst(() -> {
			WebSession guesser = new WebSession(port);
			guesser.get("/hulp/status");
			return guesser.post("/hulp/status", Map.of("code", "1234 5678 9012 3456 7890"), "X-Forwarded-For", address)
				.status();
		});
		assertThat(statuses.stream().filter(status -> status == 400).count()).as("looked up").isEqualTo(5);
		assertThat(statuses.stream().filter(status -> status == 429).count()).isEqualTo(BURST - 5);
	}

	private static <T> List<T> burst(Callable<T> request) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(BURST);
		try {
			List<Future<T>> pending = new ArrayList<>();
			for (int i = 0; i < BURST; i++) {
				pending.add(threads.submit(request));
			}
			List<T> answers = new ArrayList<>();
			for (Future<T> each : pending) {
				answers.add(each.get());
			}
			return answers;
		}
		finally {
			threads.shutdownNow();
		}
	}
}
