package nl.weerbaar.cases;

import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's cases and referrals: every state, referrals with and without consent, a withdrawn consent, evaluations,
 * and something for each demo account to see (same context as the other demo tests).
 */
@WebTest
@ActiveProfiles("demo")
@TestPropertySource(properties = "WEERBAAR_DEMO_PASSWORD=demo password for tests")
class DemoCasesTests {

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void casesInEveryStateAndReferralsWithAndWithoutConsent() {
		assertThat(count("select count(*) from support_case")).as("one per assigned request")
			.isEqualTo(count("select count(*) from support_request where status in ('ASSIGNED', 'ACTIVE', 'CLOSED') and id in (select request_id from assignment)"));
		assertThat(count("select count(*) from support_case where status = 'CLOSED'")).isGreaterThan(100);
		assertThat(count("select count(distinct closure_reason) from support_case")).isEqualTo(5);
		assertThat(count("select count(*) from support_case c join support_request r on r.id = c.request_id where c.status = 'OPEN' and r.status = 'ASSIGNED'"))
			.as("waiting for the first contact").isPositive();
		assertThat(count("select count(*) from case_contact")).isGreaterThan(100);
		assertThat(count("select count(*) from case_action where done_at is null and due_on < current_date")).as("overdue actions").isPositive();
		assertThat(count("select count(*) from case_evaluation")).isBetween(1L, 5L);
		assertThat(count("select count(*) from referral where consent_id is not null")).isPositive();
		assertThat(count("select count(*) from referral where consent_id is null and override_reason is not null")).isPositive();
		assertThat(count("select count(*) from referral where status = 'REVOKED' and shared is null")).isPositive();
		assertThat(count("select count(*) from consent where withdrawn_at is not null")).isPositive();
	}

	@Test
	void eachDemoAccountHasSomethingToSee() {
		WebSession supporter = new WebSession(port);
		supporter.signIn("demo-supporter", "demo password for tests");
		assertThat(supporter.get("/api/v1/cases?status=OPEN").body()).contains("supportRequestId");
		assertThat(supporter.get("/cases").body()).contains("Te laat");
		WebSession partner = new WebSession(port);
		partner.signIn("demo-partner", "demo password for tests");
		assertThat(partner.get("/partner/referrals").body()).contains("Woningscan");
		WebSession client = new WebSession(port);
		client.signIn("demo-client", "demo password for tests");
		assertThat(client.get("/api/v1/cases").body()).contains("supportRequestId");
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
