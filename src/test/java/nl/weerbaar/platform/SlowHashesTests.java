package nl.weerbaar.platform;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlowHashesTests {

	@Test
	void beyondTheBoundAHashWaitsBrieflyThenIsRefusedWithRetryAfter() throws Exception {
		SlowHashes slowHashes = new SlowHashes(new SlowHashes.Settings(1, Duration.ZERO));
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> slowHashes.run(() -> {
			started.countDown();
			await(release);
			return "first";
		}));
		started.await();

		assertThatThrownBy(() -> slowHashes.run(() -> "second")).isInstanceOfSatisfying(SlowHashes.Busy.class, busy -> {
			assertThat(busy.getStatusCode().value()).isEqualTo(503);
			assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		});

		release.countDown();
		assertThat(first.get()).isEqualTo("first");
		assertThat(slowHashes.run(() -> "third")).as("the permit came back").isEqualTo("third");
	}

	@Test
	void twoPerCoreByDefault() {
		assertThat(new SlowHashes.Settings(0, Duration.ofSeconds(2)).permits())
			.isEqualTo(2 * Runtime.getRuntime().availableProcessors());
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
