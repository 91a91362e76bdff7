package nl.weerbaar.platform;

import java.util.UUID;

import nl.weerbaar.audit.AuditTrail;
import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application connects as a role that owns nothing; Flyway migrates as the owner, who grants it row access only.
 * On a database of its own, so that the table a "later migration" adds here stays out of the other tests' way.
 */
@SpringBootTest
@TestPropertySource(properties = "weerbaar.test.database=database_roles")
class DatabaseRolesTests {

	@Autowired
	JdbcClient application;

	@Autowired
	AuditTrail trail;

	private final JdbcClient owner = JdbcClient.create(TestDatabase.dataSource("database_roles"));

	@Test
	void theApplicationsRoleOwnsNothingAndIsNoSuperuser() {
		assertThat(application.sql("select current_user").query(String.class).single()).isEqualTo(TestDatabase.APPLICATION_ROLE);
		assertThat(application.sql("select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles where rolname = current_user")
			.query(Boolean.class).single()).isFalse();
		assertThat(owner.sql("""
				select count(*) from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = ?""")
			.param(TestDatabase.APPLICATION_ROLE).query(Long.class).single()).isZero();
		assertThat(owner.sql("select count(*) from pg_class where relname = 'audit_event' and pg_get_userbyid(relowner) = 'postgres'")
			.query(Long.class).single()).as("the migrations ran as the owner").isOne();
	}

	@Test
	void theApplicationsRoleCanMakeAlterOrDropNoTableNorReadTheMigrationHistory() {
		assertThatThrownBy(() -> application.sql("create table mine (note text)").update())
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> application.sql("create table keyring.mine (note text)").update())
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> application.sql("alter table account add column mine text").update())
			.rootCause().hasMessageContaining("must be owner");
		assertThatThrownBy(() -> application.sql("drop table throttle_bucket").update()).rootCause().hasMessageContaining("must be owner");
		assertThatThrownBy(() -> application.sql("truncate spring_session cascade").update())
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> application.sql("select count(*) from flyway_schema_history").query(Long.class).single())
			.rootCause().hasMessageContaining("permission denied");
	}

	@Test
	void aTableALaterMigrationMakesIsGrantedToTheApplicationsRoleToo() {
		owner.sql("create table if not exists later_migration_probe (note text)").update();
		owner.sql("create sequence if not exists later_migration_probe_number").update();
		application.sql("insert into later_migration_probe values ('written by the application')").update();
		assertThat(application.sql("select count(*) from later_migration_probe").query(Long.class).single()).isPositive();
		assertThat(application.sql("select nextval('later_migration_probe_number')").query(Long.class).single()).isPositive();
		assertThatThrownBy(() -> application.sql("truncate later_migration_probe").update())
			.rootCause().hasMessageContaining("permission denied");
	}

	@Test
	void anAuditRecordThatCannotBeWrittenFailsWhatItRecordsAndLeavesTheChainWhole() {
		long head = trail.head().headSeq();
		owner.sql("revoke insert on audit_event from " + TestDatabase.APPLICATION_ROLE).update();
		try {
			assertThatThrownBy(() -> trail.append(AuditEntry.allowed(UUID.randomUUID(), "SUPPORTER", "READ_CASE", "CASE", "case-1")))
				.isInstanceOf(DataAccessException.class);
		}
		finally {
			owner.sql("grant insert on audit_event to " + TestDatabase.APPLICATION_ROLE).update();
		}
		assertThat(trail.head().headSeq()).as("nothing half-written").isEqualTo(head);
		assertThat(trail.verify().intact()).isTrue();
		assertThat(trail.append(AuditEntry.allowed(UUID.randomUUID(), "SUPPORTER", "READ_CASE", "CASE", "case-1"))).isEqualTo(head + 1);
	}
}
