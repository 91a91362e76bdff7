package nl.weerbaar.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import nl.weerbaar.WeerbaarApplication;
import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.testing.TestDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Prints audit figures (run with {@code bench/audit.sh}; not part of the test suite): appends per second with 1, 4
 * and 16 threads through {@link AuditTrail#append}, and the verifier's time on a chain of one million records. The
 * million are written straight in SQL, hash-chained exactly as the trail does, to save time.
 */
public final class AuditBenchmark {

	public static void main(String[] args) throws Exception {
		int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		SpringApplication application = new SpringApplication(WeerbaarApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--spring.datasource.url=" + TestDatabase.url("audit_bench"),
				"--spring.datasource.username=postgres", "--spring.datasource.hikari.maximum-pool-size=20",
				"--weerbaar.privacy.kek-file=" + TestDatabase.kekFile("audit_bench"), "--logging.level.root=WARN")) {
			AuditTrail trail = context.getBean(AuditTrail.class);
			for (int threads : new int[] { 1, 4, 16 }) {
				System.out.printf("appends, %2d threads: %,8.0f per second%n", threads, appendsPerSecond(trail, threads, 5));
			}
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			fill(jdbc, records);
			for (int run = 1; run <= 3; run++) {
				long start = System.nanoTime();
				Verification verification = trail.verify();
				double seconds = (System.nanoTime() - start) / 1e9;
				System.out.printf("verify %,d records: %.2f s (%,.0f records/s), intact=%s%n", verification.checked(), seconds,
						verification.checked() / seconds, verification.intact());
			}
		}
	}

	private static double appendsPerSecond(AuditTrail trail, int threads, int seconds) throws InterruptedException {
		AtomicLong count = new AtomicLong();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		for (int t = 0; t < threads; t++) {
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					trail.append(AuditEntry.allowed(UUID.randomUUID(), "SUPPORTER", "READ_CASE", "CASE", "c-1"));
					count.incrementAndGet();
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 30, TimeUnit.SECONDS);
		return count.get() / (double) seconds;
	}

	/** Appends records up to {@code total}, chained like the trail, in batches. */
	private static void fill(JdbcTemplate jdbc, int total) {
		long seq = jdbc.queryForObject("select seq from audit_head", Long.class);
		byte[] hash = jdbc.queryForObject("select hash from audit_head", byte[].class);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		while (seq < total) {
			List<Object[]> batch = new ArrayList<>();
			for (int i = 0; i < 10_000 && seq < total; i++) {
				seq++;
				UUID actor = UUID.randomUUID();
				byte[] next = AuditTrail.hash(hash, AuditTrail.canonical(seq, now, actor, "COORDINATOR", "READ_CASE", "CASE",
						"case-" + (seq % 5000), "ALLOWED", "10.0.0.1"));
				batch.add(new Object[] { seq, Timestamp.from(now), actor, "COORDINATOR", "READ_CASE", "CASE",
						"case-" + (seq % 5000), "ALLOWED", "10.0.0.1", hash, next });
				hash = next;
			}
			jdbc.batchUpdate("insert into audit_event values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
			jdbc.update("update audit_head set seq = ?, hash = ?", seq, hash);
		}
	}
}
