package nl.weerbaar.matching;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's supporters carry real loads, and yesterday's mass incident waits for a batch (same context as the other demo tests). */
@WebTest
@ActiveProfiles("demo")
@TestPropertySource(properties = "WEERBAAR_DEMO_PASSWORD=demo password for tests")
class DemoMatchingTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void assignedDemoRequestsHaveSupportersWithinTheirCapacity() {
		assertThat(count("select count(*) from assignment where status = 'ACCEPTED'")).isPositive();
		assertThat(count("select count(*) from assignment where status = 'ENDED'")).isGreaterThan(100);
		assertThat(count("""
				select count(*) from (select a.supporter_id, count(*) as n, s.capacity from assignment a join supporter s on s.id = a.supporter_id
				where a.status in ('PROPOSED', 'ACCEPTED') group by a.supporter_id, s.capacity) x where n > capacity""")).isZero();
		WebSession supporter = signedIn("demo-supporter");
		assertThat(JSON.readTree(supporter.get("/api/v1/proposals").body()).valueStream().map(p -> p.get("status").asString()))
			.contains("PROPOSED");
		assertThat(supporter.get("/").body()).as("the start page asks for an answer").contains("aan u voorgesteld");
	}

	@Test
	void theMassIncidentIsServedByTheBatchHigherLevelsFirst() {
		WebSession coordinator = signedIn("demo-coordinator");
		LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/Amsterdam")).minusDays(1);
		JsonNode waiting = JSON.readTree(coordinator.get("/api/v1/support-requests?status=TRIAGED&provinceCode=PV25&function=COUNCIL_MEMBER"
				+ "&receivedOn=" + yesterday + "&size=200&page=0").body());
		long total = waiting.get("page").get("totalElements").asLong();
		assertThat(total).as("a few hundred council members in Gelderland on one day").isBetween(250L, 310L);
		List<String> ids = new java.util.ArrayList<>();
		for (int page = 0; page * 200 < total; page++) {
			JSON.readTree(coordinator.get("/api/v1/support-requests?status=TRIAGED&provinceCode=PV25&function=COUNCIL_MEMBER"
					+ "&receivedOn=" + yesterday + "&size=200&page=" + page).body())
				.get("content").valueStream().forEach(item -> ids.add("\"" + item.get("id").asString() + "\""));
		}
		Response preview = coordinator.postJson("/api/v1/matching/batch", "{\"requestIds\": [" + String.join(",", ids) + "]}");
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		JsonNode body = JSON.readTree(preview.body());
		assertThat(body.get("assignments").size()).isPositive();
		long high = count("""
				select count(*) from support_request where status = 'TRIAGED' and concern_level = 'HIGH' and 'PV25' = any(province_codes)
				  and function = 'COUNCIL_MEMBER' and (created_at at time zone 'Europe/Amsterdam')::date = ?""", java.sql.Date.valueOf(yesterday));
		assertThat(body.get("assignedPerLevel").get("HIGH").asLong()).as("every high one is served").isEqualTo(high);
	}

	private WebSession signedIn(String username) {
		WebSession session = new WebSession(port);
		session.signIn(username, "demo password for tests");
		session.get("/");
		return session;
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}
}
