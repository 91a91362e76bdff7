package nl.weerbaar.audit;

import java.util.Map;
import java.util.UUID;

import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tampering with the trail directly in SQL, as the table owner: refused by the database, or, with its trigger
 * switched off, found by the verifier at exactly the record touched. On a database of its own, and every test puts
 * back what it changed.
 */
@SpringBootTest
@TestPropertySource(properties = "weerbaar.test.database=audit_tampering")
class AuditTamperingTests {

	@Autowired
	AuditTrail trail;

	/** The owner of the tables (the role that migrates): the application's own role may not even try this. */
	private final JdbcClient jdbc = JdbcClient.create(TestDatabase.dataSource("audit_tampering"));

	@Autowired
	JdbcClient application;

	private long target;

	@BeforeEach
	void someRecords() {
		for (int i = 0; i < 5; i++) {
			long seq = trail.append(AuditEntry.allowed(UUID.randomUUID(), "SUPPORTER", "READ_CASE", "CASE", "case-" + i));
			if (i == 2) {
				target = seq;
			}
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void updateDeleteAndTruncateAreRefusedByTheDatabase() {
		assertThatThrownBy(() -> jdbc.sql("update audit_event set result = 'DENIED' where seq = ?").param(target).update())
			.rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_event where seq = ?").param(target).update())
			.rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update()).rootCause().hasMessageContaining("append-only");
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void theApplicationsOwnConnectionMayNotChangeRemoveOrUnprotectRecords() {
		assertThat(application.sql("select current_user").query(String.class).single()).isEqualTo(TestDatabase.APPLICATION_ROLE);
		assertThatThrownBy(() -> application.sql("update audit_event set result = 'DENIED' where seq = ?").param(target).update())
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> application.sql("delete from audit_event where seq = ?").param(target).update())
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> application.sql("truncate audit_event").update()).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> application.sql("alter table audit_event disable trigger audit_event_append_only").update())
			.rootCause().hasMessageContaining("must be owner");
		assertThatThrownBy(() -> application.sql("drop table audit_event").update()).rootCause().hasMessageContaining("must be owner");
		assertThatThrownBy(() -> application.sql("drop trigger audit_event_no_truncate on audit_event").update())
			.rootCause().hasMessageContaining("must be owner");
		assertThatThrownBy(() -> application.sql("delete from audit_head").update()).rootCause().hasMessageContaining("permission denied");
		assertThat(trail.verify().intact()).isTrue();
		assertThat(trail.verify().checked()).isGreaterThanOrEqualTo(5);
	}

	@Test
	void anEditWithTheTriggerOffIsFoundAtExactlyThatRecord() {
		String original = jdbc.sql("select object_id from audit_event where seq = ?").param(target).query(String.class).single();
		try {
			asOwnerWithoutTrigger("update audit_event set object_id = 'another-case' where seq = " + target);
			Verification verification = trail.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenSeq()).isEqualTo(target);
			assertThat(verification.problem()).contains("content does not match");
		}
		finally {
			asOwnerWithoutTrigger("update audit_event set object_id = '" + original + "' where seq = " + target);
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void aDeletionWithTheTriggerOffIsFoundAtExactlyThatRecord() {
		Map<String, Object> row = jdbc.sql("select * from audit_event where seq = ?").param(target).query().singleRow();
		try {
			asOwnerWithoutTrigger("delete from audit_event where seq = " + target);
			Verification verification = trail.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenSeq()).isEqualTo(target);
		}
		finally {
			putBack(row);
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void cuttingOffTheNewestRecordsIsFoundAgainstTheHead() {
		long newest = trail.head().headSeq();
		Map<String, Object> row = jdbc.sql("select * from audit_event where seq = ?").param(newest).query().singleRow();
		try {
			asOwnerWithoutTrigger("delete from audit_event where seq = " + newest);
			Verification verification = trail.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstBrokenSeq()).isEqualTo(newest);
		}
		finally {
			putBack(row);
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	private void putBack(Map<String, Object> row) {
		jdbc.sql("""
				insert into audit_event (seq, occurred_at, actor_id, actor_role, action, object_type, object_id, result,
				                         origin, previous_hash, hash)
				values (:seq, :occurred_at, :actor_id, :actor_role, :action, :object_type, :object_id, :result, :origin,
				        :previous_hash, :hash)""").params(row).update();
	}

	private void asOwnerWithoutTrigger(String statement) {
		jdbc.sql("alter table audit_event disable trigger audit_event_append_only").update();
		try {
			jdbc.sql(statement).update();
		}
		finally {
			jdbc.sql("alter table audit_event enable trigger audit_event_append_only").update();
		}
	}
}
