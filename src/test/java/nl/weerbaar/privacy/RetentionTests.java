package nl.weerbaar.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import nl.weerbaar.shared.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import nl.weerbaar.WeerbaarApplication;
import nl.weerbaar.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention job, on a database of its own (it shreds whatever is due there). */
@SpringBootTest
@TestPropertySource(properties = "weerbaar.test.database=privacy_retention")
class RetentionTests {

	@Autowired
	Retention retention;

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	private final FieldLocation note = new FieldLocation("case_note", "text", "1");
	private final Actor coordinator = new Actor(UUID.randomUUID(), "COORDINATOR");

	@Test
	void shredsWhatIsDueKeepsWhatIsHeldAndListsWhatComes() {
		SubjectId due = person();
		SubjectId held = person();
		SubjectId later = person();
		byte[] dueNote = personalData.seal(due, note, "due");
		byte[] heldNote = personalData.seal(held, note, "held");
		Instant threeYearsAgo = Instant.now().minus(Duration.ofDays(3 * 365));
		retention.startClock(due, RetentionKind.CLOSED_CASE, threeYearsAgo);
		retention.startClock(held, RetentionKind.CLOSED_CASE, threeYearsAgo);
		retention.placeLegalHold(held, "rechtszaak C/13/123456", coordinator);
		retention.startClock(later, RetentionKind.UNCONFIRMED_PUBLIC_REQUEST, Instant.now().minus(Duration.ofDays(70)));

		assertThat(retention.dueWithin(Duration.ofDays(30))).extracting(Retention.Due::subject).contains(due, held, later);

		retention.shredDueNow();

		assertThat(personalData.open(due, note, dueNote)).isEmpty();
		assertThat(personalData.open(held, note, heldNote)).contains("held");
		assertThat(retention.dueWithin(Duration.ofDays(30))).extracting(Retention.Due::subject)
			.doesNotContain(due).contains(held, later);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'SHRED_RETENTION' and object_id = ?")
			.param(due.toString()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theRetentionPeriodsAreTheConfiguredOnes() {
		Instant closed = Instant.parse("2026-03-01T10:00:00Z");
		assertThat(retention.startClock(person(), RetentionKind.CLOSED_CASE, closed))
			.isEqualTo(Instant.parse("2028-03-01T10:00:00Z"));
		// 90 calendar days in Amsterdam: across the change to summer time that is an hour less than 90 × 24 hours
		assertThat(retention.startClock(person(), RetentionKind.UNCONFIRMED_PUBLIC_REQUEST, closed))
			.isEqualTo(closed.plus(90, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS));
	}

	@Test
	void theJobRunsOnceWithTwoInstancesOnOneDatabase() throws Exception {
		try (ConfigurableApplicationContext second = new SpringApplication(WeerbaarApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + TestDatabase.url("privacy_retention"),
				"--spring.datasource.username=postgres",
				"--weerbaar.privacy.kek-file=" + TestDatabase.kekFile("privacy_retention"))) {
			Retention other = second.getBean(Retention.class);
			SubjectId first = person();
			retention.startClock(first, RetentionKind.CLOSED_CASE, Instant.now().minus(Duration.ofDays(800)));

			Thread a = new Thread(retention::shredDue);
			Thread b = new Thread(other::shredDue);
			a.start();
			b.start();
			a.join();
			b.join();
			assertThat(shreds(first)).as("shredded once, by one instance").isEqualTo(1);

			// the lock is held for at least a minute after a run: the other instance does not run again meanwhile
			SubjectId next = person();
			retention.startClock(next, RetentionKind.CLOSED_CASE, Instant.now().minus(Duration.ofDays(800)));
			other.shredDue();
			retention.shredDue();
			assertThat(shreds(next)).isZero();
			assertThat(jdbc.sql("select count(*) from shedlock where name = 'retention-shred' and lock_until > now()")
				.query(Long.class).single()).isEqualTo(1);
		}
		finally {
			jdbc.sql("update shedlock set lock_until = now() where name = 'retention-shred'").update();
		}
	}

	private long shreds(SubjectId subject) {
		return jdbc.sql("select count(*) from audit_event where action = 'SHRED_RETENTION' and object_id = ?")
			.param(subject.toString()).query(Long.class).single();
	}

	private SubjectId person() {
		SubjectId subject = new SubjectId(UUID.randomUUID());
		personalData.seal(subject, note, "x");
		return subject;
	}
}
