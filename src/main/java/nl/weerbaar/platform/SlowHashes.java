package nl.weerbaar.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Runs the deliberately slow hashes (Argon2id: 19 MiB and tens of milliseconds each, for passwords and receipt codes)
 * a bounded number at a time, so that a burst of sign-ins or code look-ups queues briefly instead of taking all memory
 * and all cores. Beyond the wait the request is refused with {@link Busy}: 503 with {@code Retry-After}, an error page
 * for a page and a problem detail for the API.
 */
@Component
public class SlowHashes {

	private final Semaphore permits;
	private final Duration maxWait;

	SlowHashes(Settings settings) {
		this.permits = new Semaphore(settings.permits(), true);
		this.maxWait = settings.maxWait();
	}

	/** The hash, computed when a permit is free within the wait. */
	public <T> T run(Supplier<T> hash) {
		try {
			if (!permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
				throw new Busy();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Busy();
		}
		try {
			return hash.get();
		}
		finally {
			permits.release();
		}
	}

	/**
	 * {@code weerbaar.security.hashing.*}.
	 *
	 * @param maxConcurrent slow hashes at once; 0 means two per core
	 * @param maxWait how long a request waits for its turn before it is refused
	 */
	@ConfigurationProperties("weerbaar.security.hashing")
	public record Settings(@DefaultValue("0") int maxConcurrent, @DefaultValue("2s") Duration maxWait) {

		int permits() {
			return maxConcurrent > 0 ? maxConcurrent : 2 * Runtime.getRuntime().availableProcessors();
		}
	}

	/** Too many slow hashes at once: try again in a few seconds. */
	public static final class Busy extends ErrorResponseException {

		static final int RETRY_AFTER_SECONDS = 5;

		Busy() {
			super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"Too many sign-ins at once; try again in a few seconds."), null);
			getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
		}

		public int retryAfterSeconds() {
			return RETRY_AFTER_SECONDS;
		}
	}
}
