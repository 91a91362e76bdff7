package nl.weerbaar.intake;

import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's year of requests follows the Monitor's mix and gives the queue work (same context as the other demo tests). */
@WebTest
@ActiveProfiles("demo")
@TestPropertySource(properties = "WEERBAAR_DEMO_PASSWORD=demo password for tests")
class DemoRequestsTests {

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void aYearOfRequestsWithTheMonitorsMix() {
		assertThat(count("select count(*) from support_request")).as("a year, and a mass incident yesterday").isBetween(890L, 920L);
		assertThat(count("select count(*) from support_request where created_at < now() - interval '300 days'")).isPositive();
		// over the year, apart from yesterday's mass incident
		String commonest = jdbc.sql("select kind from incident where recorded_at < now() - interval '3 days' group by kind order by count(*) desc limit 1")
			.query(String.class).single();
		assertThat(commonest).isEqualTo("ONLINE_ABUSE");
		assertThat(count("select count(*) from incident where kind = 'PHYSICAL_VIOLENCE'") * 100 / count("select count(*) from incident"))
			.as("physical violence is rare").isLessThan(8);
		double mayorsPerPerson = (double) count("select count(*) from support_request where function = 'MAYOR'") / 342;
		double councilPerPerson = (double) count("select count(*) from support_request where function = 'COUNCIL_MEMBER'") / 8_200;
		assertThat(mayorsPerPerson).as("mayors ask far more often per person").isGreaterThan(councilPerPerson * 5);
		assertThat(count("select count(*) from support_request where concern_level = 'ACUTE'")).isPositive();
		assertThat(count("select count(*) from support_request where status = 'CLOSED'")).isGreaterThan(300);
		assertThat(count("select count(*) from support_request where status not in ('CLOSED', 'WITHDRAWN')")).as("cases run for weeks; the mass incident waits").isBetween(320L, 480L);
		assertThat(count("""
				select count(*) from support_request where status not in ('CLOSED', 'WITHDRAWN') and first_contact_at is null
				  and due_at < now()""")).as("some are overdue").isBetween(1L, 120L);
		assertThat(count("select count(*) from support_request where channel = 'PUBLIC_FORM'")).isEqualTo(3);
	}

	@Test
	void theDemoCoordinatorsQueueHasOverdueWorkAndTheDemoClientHasRequests() {
		WebSession coordinator = new WebSession(port);
		coordinator.signIn("demo-coordinator", "demo password for tests");
		String queue = coordinator.get("/requests").body();
		assertThat(queue).contains("wb-row--overdue").contains("Te laat");
		WebSession client = new WebSession(port);
		client.signIn("demo-client", "demo password for tests");
		assertThat(client.get("/my/requests").body()).contains("HV-");
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
