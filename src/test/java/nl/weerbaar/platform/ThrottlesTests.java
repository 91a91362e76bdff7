package nl.weerbaar.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import nl.weerbaar.WeerbaarApplication;
import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.TestDatabase;
import nl.weerbaar.testing.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of Weerbaar (two whole application contexts, each with its own web server) on one database: the
 * throttles count together, so a guesser gets no more tries by spreading them over the nodes.
 */
class ThrottlesTests {

	private static final String DATABASE = "two_nodes";

	private static ConfigurableApplicationContext nodeA;
	private static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void startTwoNodes() {
		nodeA = node();
		nodeB = node();
	}

	@AfterAll
	static void stopThem() {
		nodeB.close();
		nodeA.close();
	}

	private static ConfigurableApplicationContext node() {
		return new SpringApplicationBuilder(WeerbaarApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + TestDatabase.url(DATABASE), "--spring.datasource.username=postgres",
				"--weerbaar.privacy.kek-file=" + TestDatabase.kekFile(DATABASE));
	}

	private static int port(ConfigurableApplicationContext node) {
		return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
	}

	@Test
	void failuresOnOneNodeBlockTheOther() {
		TestAccount coordinator = new TestAccounts(nodeA).create(Role.COORDINATOR);
		for (int i = 0; i < 5; i++) {
			assertThat(new WebSession(port(nodeA)).signIn(coordinator.username(), "wrong password " + i).location())
				.endsWith("/login?error");
		}
		assertThat(new WebSession(port(nodeB)).signIn(coordinator.username(), TestAccounts.PASSWORD).location())
			.as("node B knows node A's failures").endsWith("/login?throttled");
	}

	@Test
	void bucketsThatAreFullAgainAreRemovedAndTheOthersKept() {
		JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
		Throttles throttles = nodeA.getBean(Throttles.class);
		String old = "test:" + UUID.randomUUID();
		String recent = "test:" + UUID.randomUUID();
		assertThat(bucket(throttles, old).tryConsume(1)).isTrue();
		assertThat(bucket(throttles, recent).tryConsume(1)).isTrue();
		assertThat(expiresAt(jdbc, throttles.id(recent))).as("an hour to refill, and a minute more")
			.isGreaterThan(Instant.now().plus(Duration.ofMinutes(59)).toEpochMilli());
		// Bucket4j sets the expiry by the system clock, which a test cannot move: the old bucket's hour has passed
		jdbc.sql("update throttle_bucket set expires_at = ? where id = ?")
			.params(Instant.now().minus(Duration.ofMinutes(1)).toEpochMilli(), throttles.id(old))
			.update();

		assertThat(throttles.removeExpiredNow()).isPositive();

		assertThat(jdbc.sql("select count(*) from throttle_bucket where id = ?").param(throttles.id(old))
			.query(Integer.class).single()).isZero();
		assertThat(bucket(throttles, recent).getAvailableTokens()).as("kept: still empty").isZero();
		assertThat(jdbc.sql("select count(*) from throttle_bucket where id like 'test:%'").query(Integer.class).single())
			.as("the table holds keyed hashes, not the names").isZero();
	}

	private static long expiresAt(JdbcClient jdbc, String id) {
		return jdbc.sql("select expires_at from throttle_bucket where id = ?").param(id).query(Long.class).single();
	}

	private static Bucket bucket(Throttles throttles, String key) {
		return throttles.bucket(key, () -> BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofHours(1)))
			.build());
	}
}
