package nl.weerbaar.security.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared SecureRandom instances stay sound when many requests draw from them at once (ASVS 5.0 V11.5.2): 32
 * threads released together, 1,000 draws each, never give the same session id or authenticator secret twice, and
 * every value has its full length.
 */
class RandomUnderLoadTests {

	private static final int THREADS = 32;
	private static final int DRAWS = 1_000;

	@Test
	void thirtyTwoThreadsDrawingSessionIdsAtOnceNeverGetTheSameOneTwice() throws Exception {
		SessionIdentifiers.RandomSessionIds ids = new SessionIdentifiers.RandomSessionIds();
		Set<String> drawn = drawTogether(ids::generate);
		assertThat(drawn).hasSize(THREADS * DRAWS)
			.allMatch(id -> Base64.getUrlDecoder().decode(id).length == SessionIdentifiers.ID_BYTES);
	}

	@Test
	void thirtyTwoThreadsDrawingAuthenticatorSecretsAtOnceNeverGetTheSameOneTwice() throws Exception {
		Set<String> drawn = drawTogether(() -> Base64.getEncoder().encodeToString(Totp.newSecret()));
		assertThat(drawn).hasSize(THREADS * DRAWS);
	}

	private static Set<String> drawTogether(Supplier<String> draw) throws Exception {
		Set<String> drawn = ConcurrentHashMap.newKeySet();
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> threads = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
			for (int t = 0; t < THREADS; t++) {
				threads.add(pool.submit(() -> {
					start.await();
					int fresh = 0;
					for (int i = 0; i < DRAWS; i++) {
						fresh += drawn.add(draw.get()) ? 1 : 0;
					}
					return fresh;
				}));
			}
			start.countDown();
			for (Future<Integer> thread : threads) {
				assertThat(thread.get()).as("no thread drew a value another had").isEqualTo(DRAWS);
			}
		}
		return drawn;
	}
}
