package nl.weerbaar.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.weerbaar.security.Role;
import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What the trail records, as people use Weerbaar over HTTP. */
@WebTest
class AuditTrailTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail trail;

	@Test
	void recordsSignInsWithActorRoleOriginAndResultButNeverTheUsername() {
		TestAccount supporter = new TestAccounts(context).create(Role.SUPPORTER);
		new WebSession(port).signIn(supporter.username(), TestAccounts.PASSWORD);
		Map<String, Object> signIn = last("SIGN_IN", "actor_id = '" + supporter.id() + "'");
		assertThat(signIn).containsEntry("result", "ALLOWED").containsEntry("actor_role", "SUPPORTER")
			.containsEntry("object_id", supporter.id().toString());
		// localhost may resolve to IPv4 or IPv6 loopback
		assertThat(signIn.get("origin")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");

		long before = count("action = 'SIGN_IN' and result = 'DENIED'");
		new WebSession(port).signIn(supporter.username(), "wrong password!");
		assertThat(count("action = 'SIGN_IN' and result = 'DENIED'")).isEqualTo(before + 1);
		assertThat(jdbc.sql("select count(*) from audit_event where object_id = ? or actor_role = ?")
			.params(supporter.username(), supporter.username()).query(Long.class).single()).isZero();
	}

	@Test
	void recordsAccountCreationAndRoleChangesByTheAdministrator() {
		TestAccount admin = new TestAccounts(context).create(Role.ADMIN);
		TestAccount analyst = new TestAccounts(context).create(Role.ANALYST);
		WebSession browser = new WebSession(port);
		browser.signIn(admin.username(), TestAccounts.PASSWORD);
		browser.get("/admin/accounts/" + analyst.id());
		browser.post("/admin/accounts/" + analyst.id(), Map.of("displayName", "A", "roles", "COORDINATOR", "enabled", "true"));
		assertThat(last("ROLES_CHANGED", "object_id = '" + analyst.id() + "'")).containsEntry("actor_id", admin.id())
			.containsEntry("actor_role", "ADMIN").containsEntry("result", "ALLOWED");
	}

	@Test
	void recordsAccessRefusedToASignedInPerson() {
		TestAccount coordinator = new TestAccounts(context).create(Role.COORDINATOR);
		WebSession browser = new WebSession(port);
		browser.signIn(coordinator.username(), TestAccounts.PASSWORD);
		assertThat(browser.get("/admin/accounts").status()).isEqualTo(403);
		assertThat(last("ACCESS", "actor_id = '" + coordinator.id() + "'")).containsEntry("result", "DENIED")
			.containsEntry("object_type", "PATH").containsEntry("object_id", "/admin/accounts");
	}

	@Test
	void theAdministratorSearchesByActorAndExportsCsvWhichIsItselfRecorded() {
		TestAccount admin = new TestAccounts(context).create(Role.ADMIN);
		WebSession browser = new WebSession(port);
		browser.signIn(admin.username(), TestAccounts.PASSWORD);
		Response page = browser.get("/admin/audit?actor=" + admin.id());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("SIGN_IN").contains(admin.id().toString());
		assertThat(browser.get("/admin/audit?actor=not-an-id").body()).contains("id=\"actor-error\"");

		Response csv = browser.get("/admin/audit/export.csv?actor=" + admin.id());
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.body()).startsWith("seq,occurred_at,actor_id").contains("SIGN_IN");
		assertThat(last("EXPORT", "actor_id = '" + admin.id() + "'")).containsEntry("object_type", "AUDIT_TRAIL");
	}

	@Test
	void onlyAdministratorsSeeTheTrail() {
		WebSession coordinator = new WebSession(port);
		coordinator.signIn(new TestAccounts(context).create(Role.COORDINATOR).username(), TestAccounts.PASSWORD);
		assertThat(coordinator.get("/admin/audit").status()).isEqualTo(403);
		assertThat(coordinator.get("/admin/audit/export.csv").status()).isEqualTo(403);
	}

	@Test
	void concurrentAppendsFormOneUnbrokenChain() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> work = new java.util.ArrayList<>();
			for (int t = 0; t < 8; t++) {
				work.add(pool.submit(() -> {
					for (int i = 0; i < 25; i++) {
						trail.append(AuditEntry.allowed(UUID.randomUUID(), "COORDINATOR", "READ_CASE", "CASE", "c-" + i));
					}
				}));
			}
			for (Future<?> future : work) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		Verification verification = trail.verify();
		assertThat(verification.intact()).as(verification.problem()).isTrue();
		assertThat(verification.checked()).isEqualTo(verification.headSeq());
		assertThat(jdbc.sql("select max(seq) - count(*) from audit_event").query(Long.class).single()).as("no gaps").isZero();
	}

	private Map<String, Object> last(String action, String condition) {
		return jdbc.sql("select * from audit_event where action = ? and " + condition + " order by seq desc limit 1")
			.param(action)
			.query()
			.singleRow();
	}

	private long count(String condition) {
		return jdbc.sql("select count(*) from audit_event where " + condition).query(Long.class).single();
	}
}
