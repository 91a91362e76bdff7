package nl.weerbaar.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The token buckets of every throttle (sign-in, second factor, the public route), kept in PostgreSQL so that all
 * nodes count together: two nodes give a guesser no more tries than one. Each use of a bucket locks its row
 * ({@code SELECT ... FOR UPDATE}, Bucket4j's PostgreSQL back end), so parallel requests take tokens one after the
 * other. Time is the application's {@link Clock}. A bucket's row is named by a keyed hash of its key, so the table
 * holds no username or address; a bucket that has filled up again is removed by a job that runs on one node.
 */
@Component
public class Throttles {

	private static final int CLEANUP_BATCH = 1_000;

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
	private final JdbcClient jdbc;
	private volatile byte[] key;

	/** Public for tests that move a clock of their own over the same table. */
	public Throttles(DataSource dataSource, JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("throttle_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.clientClock(timeMeter(clock))
			.build();
	}

	/**
	 * The bucket for this key (such as {@code "login:user:alice"}), made with the configuration when it does not exist
	 * yet or has been removed.
	 */
	public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
		return buckets.getProxy(id(key), configuration);
	}

	/** Whether the bucket is there (used, and not yet full again and removed), without making it. */
	public boolean exists(String key) {
		return buckets.getProxyConfiguration(id(key)).isPresent();
	}

	/** Forgets the bucket: the next use starts full. */
	public void reset(String key) {
		buckets.removeProxy(id(key));
	}

	@Scheduled(fixedDelayString = "${weerbaar.throttles.cleanup-interval:PT15M}",
			initialDelayString = "${weerbaar.throttles.cleanup-interval:PT15M}")
	@SchedulerLock(name = "throttle-cleanup", lockAtMostFor = "PT10M")
	public void removeExpired() {
		removeExpiredNow();
	}

	/** Removes the buckets that are full again (Bucket4j compares their expiry with the system clock); returns how many. */
	public int removeExpiredNow() {
		int removed = 0;
		int batch;
		do {
			batch = buckets.removeExpired(CLEANUP_BATCH);
			removed += batch;
		}
		while (batch == CLEANUP_BATCH);
		return removed;
	}

	String id(String name) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private byte[] key() {
		if (key == null) {
			key = jdbc.sql("select key from throttle_secret where id = 1").query(byte[].class).single();
		}
		return key;
	}

	private static TimeMeter timeMeter(Clock clock) {
		return new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				return clock.millis() * 1_000_000L;
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}
		};
	}
}
