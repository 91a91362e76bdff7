package nl.weerbaar.registry;

import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo profile fills the registry like the country (same context as the demo-account tests). */
@WebTest
@ActiveProfiles("demo")
@TestPropertySource(properties = "WEERBAAR_DEMO_PASSWORD=demo password for tests")
class DemoPopulationTests {

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void officeHoldersAreSizedLikeTheCountry() {
		assertThat(current("MAYOR")).isEqualTo(342);
		assertThat(current("KINGS_COMMISSIONER")).isEqualTo(12);
		assertThat(current("COUNCIL_MEMBER")).isBetween(8_000L, 9_000L);
		assertThat(current("ALDERMAN")).isBetween(1_250L, 1_550L);
		assertThat(current("PROVINCIAL_COUNCIL_MEMBER")).isBetween(560L, 580L);
		assertThat(current("PROVINCIAL_EXECUTIVE")).isBetween(60L, 75L);
		long people = jdbc.sql("select count(*) from office_holder where external_id like 'demo-%'").query(Long.class).single();
		long homeFront = jdbc.sql("select count(distinct office_holder_id) from home_front_member").query(Long.class).single();
		assertThat(homeFront * 100 / people).as("home front for about 5%").isBetween(3L, 7L);
		assertThat(jdbc.sql("select count(*) from supporter where external_id like 'demo-%'").query(Long.class).single())
			.isEqualTo(60);
		assertThat(jdbc.sql("select count(*) from office_term where end_date is not null").query(Long.class).single())
			.as("earlier terms for some").isPositive();
	}

	@Test
	void theDemoClientSeesTheirOwnDetails() {
		WebSession client = new WebSession(port);
		client.signIn("demo-client", "demo password for tests");
		assertThat(client.get("/my").body()).contains("name=\"email\"").contains("@demo.example");
	}

	private long current(String function) {
		return jdbc.sql("select count(*) from office_term where function = ? and end_date is null").param(function)
			.query(Long.class).single();
	}
}
