package nl.weerbaar.audit;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.weerbaar.cases.CaseFixtures;
import nl.weerbaar.cases.CaseFixtures.OpenCase;
import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audited reads in a burst, over real HTTP, with the main pool at HikariCP's defaults (10 connections, 30 seconds'
 * wait), set here so that the test does not depend on them: every read is recorded without the recording waiting for
 * a second connection from the pool its reader already holds one of. When it did, ten readers holding the ten
 * connections waited for an eleventh until the timeout, and every read in the burst answered 500. The wait is not
 * shortened: on a slow, shared machine a burst that works may take seconds, and the last reader waits nearly as long.
 */
@WebTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "weerbaar.test.database=audit_burst", "spring.datasource.hikari.maximum-pool-size=10",
		"spring.datasource.hikari.connection-timeout=30000" })
class AuditUnderLoadTests {

	private static final int READS = 60;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail trail;

	@Test
	void sixtyParallelCaseReadsAreAllAnsweredAndRecordedWhileSomeoneElseSignsInAndReads(CapturedOutput output)
			throws Exception {
		CaseFixtures fixtures = new CaseFixtures(context, port);
		OpenCase open = fixtures.openCase(fixtures.supporter("PV26"), fixtures.officeHolder(null), "HIGH");
		String path = "/api/v1/cases/" + open.caseId();
		TestAccount latecomer = new TestAccounts(context).create(Role.COORDINATOR);
		TestAccount reader = new TestAccounts(context).create(Role.COORDINATOR);
		WebSession readers = fixtures.session(reader);

		ExecutorService pool = Executors.newFixedThreadPool(READS + 1);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> reads = new ArrayList<>();
		Future<Response[]> signInAndRead;
		try {
			for (int i = 0; i < READS; i++) {
				reads.add(pool.submit(() -> {
					go.await();
					try {
						return readers.request("GET", path).status();
					}
					catch (UncheckedIOException broken) {
						// a starved server may drop the connection mid-answer
						return -1;
					}
				}));
			}
			signInAndRead = pool.submit(() -> {
				go.await();
				WebSession browser = new WebSession(port);
				return new Response[] { browser.signIn(latecomer.username(), TestAccounts.PASSWORD), browser.request("GET", path) };
			});
			go.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> read : reads) {
				statuses.add(read.get());
			}
			assertThat(statuses).as("every read answered").containsOnly(200).hasSize(READS);
			Response[] latecomers = signInAndRead.get();
			assertThat(latecomers[0].status()).as("the sign-in during the burst").isEqualTo(302);
			assertThat(latecomers[0].location()).endsWith("/");
			assertThat(latecomers[1].status()).as("the latecomer's read").isEqualTo(200);
		}
		finally {
			pool.shutdown();
		}

		assertThat(recordedReads(reader, open)).isEqualTo(READS);
		assertThat(recordedReads(latecomer, open)).isEqualTo(1);
		Verification verification = trail.verify();
		assertThat(verification.intact()).as(verification.problem()).isTrue();
		assertThat(output.getAll()).doesNotContain("SQLTransientConnectionException");
	}

	private long recordedReads(TestAccount actor, OpenCase open) {
		return jdbc.sql("""
				select count(*) from audit_event
				where actor_id = ? and action = 'READ_CASE' and object_type = 'CASE' and object_id = ? and result = 'ALLOWED'""")
			.params(actor.id(), open.caseId().toString())
			.query(Long.class)
			.single();
	}
}
