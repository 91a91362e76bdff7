package nl.weerbaar.team;

import java.util.UUID;

import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
class SupporterApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private final JsonMapper json = JsonMapper.builder().build();
	private WebSession coordinator;

	@BeforeEach
	void signIn() {
		coordinator = session(Role.COORDINATOR);
	}

	@Test
	void registersAPeerWithTheFunctionsHeldExpertiseLanguagesAndAvailability() {
		String name = "Marieke " + unique();
		Response created = coordinator.postJson("/api/v1/supporters", """
				{"name": "%s", "email": "marieke@example.nl", "kind": "PEER", "organisation": "NGB",
				 "terms": [{"function": "MAYOR", "bodyCode": "GM0344", "start": "2010-01-01", "end": "2019-01-01"}],
				 "expertise": ["ONLINE_ABUSE", "HOME_FRONT"], "languages": ["nl", "en"], "provinceCode": "PV26",
				 "capacity": 3, "gender": "FEMALE",
				 "absences": [{"from": "2026-12-20", "to": "2027-01-03"}],
				 "trainings": [{"name": "Omgaan met intimidatie en bedreiging", "completedOn": "2025-05-12"}]}""".formatted(name));
		assertThat(created.status()).isEqualTo(201);
		JsonNode supporter = json.readTree(created.body());
		String id = supporter.get("id").asString();
		JsonNode read = json.readTree(coordinator.get("/api/v1/supporters/" + id).body());
		assertThat(read.get("kind").asString()).isEqualTo("PEER");
		assertThat(read.get("email").asString()).isEqualTo("marieke@example.nl");
		assertThat(read.get("expertise").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("ONLINE_ABUSE", "HOME_FRONT");
		assertThat(read.get("languages").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("nl", "en");
		assertThat(read.get("capacity").asInt()).isEqualTo(3);
		assertThat(read.get("active").asBoolean()).isTrue();
		assertThat(read.get("absences").get(0).get("to").asString()).isEqualTo("2027-01-03");
		assertThat(read.get("terms").get(0).get("function").asString()).isEqualTo("MAYOR");
	}

	@Test
	void aPeerHasHeldAFunctionAndOtherRulesNameTheirField() {
		Response refused = coordinator.postJson("/api/v1/supporters", """
				{"name": "Zonder termijn", "kind": "PEER", "capacity": 60, "provinceCode": "GM0344", "languages": ["Dutch"]}""");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(json.readTree(refused.body()).get("errors").valueStream().map(e -> e.get("field").asString()))
			.containsExactlyInAnyOrder("terms", "capacity", "provinceCode", "languages");
		assertThat(coordinator.postJson("/api/v1/supporters", "{\"name\": \"Expert\", \"kind\": \"EXPERT\", \"capacity\": 2}")
			.status()).isEqualTo(201);
		assertThat(coordinator.postJson("/api/v1/supporters",
				"{\"name\": \"Leeg\", \"kind\": \"EXPERT\", \"capacity\": 2, \"expertise\": [null], \"terms\": [null]}")
			.status()).as("nulls in lists are mistakes, not server errors").isEqualTo(400);
		assertThat(coordinator.postJson("/api/v1/supporters", "{\"name\": \"X\", \"kind\": \"WIZARD\"}").status()).isEqualTo(400);
	}

	@Test
	void supportersSeeTheDirectoryButDoNotChangeItAndOthersSeeNothing() {
		String id = json.readTree(coordinator.postJson("/api/v1/supporters",
				"{\"name\": \"Vertrouwenspersoon " + unique() + "\", \"kind\": \"CONFIDANT\", \"capacity\": 4, \"organisation\": \"WHV\"}")
			.body()).get("id").asString();
		WebSession supporter = session(Role.SUPPORTER);
		assertThat(supporter.get("/api/v1/supporters?kind=CONFIDANT").status()).isEqualTo(200);
		assertThat(supporter.get("/api/v1/supporters/" + id).status()).isEqualTo(200);
		assertThat(supporter.putJson("/api/v1/supporters/" + id, "{\"name\": \"x\", \"kind\": \"EXPERT\"}").status()).isEqualTo(403);
		assertThat(session(Role.CLIENT).get("/api/v1/supporters").status()).isEqualTo(403);
		assertThat(session(Role.ANALYST).get("/api/v1/supporters/" + id).status()).isEqualTo(403);
		assertThat(coordinator.get("/api/v1/supporters/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void theDirectoryFiltersByKindExpertiseProvinceAndFunction() {
		String tag = unique();
		coordinator.postJson("/api/v1/supporters", """
				{"name": "Filter %s A", "kind": "EXPERT", "capacity": 1, "expertise": ["LEGAL"], "provinceCode": "PV20"}""".formatted(tag));
		coordinator.postJson("/api/v1/supporters", """
				{"name": "Filter %s B", "kind": "PEER", "capacity": 1, "provinceCode": "PV21",
				 "terms": [{"function": "ALDERMAN", "bodyCode": "GM0080", "start": "2014-01-01", "end": "2018-01-01"}]}""".formatted(tag));
		assertThat(total("?q=" + tag)).isEqualTo(2);
		assertThat(total("?q=" + tag + "&expertise=LEGAL")).isEqualTo(1);
		assertThat(total("?q=" + tag + "&provinceCode=PV21")).isEqualTo(1);
		assertThat(total("?q=" + tag + "&function=ALDERMAN")).isEqualTo(1);
		assertThat(total("?q=" + tag + "&kind=CONFIDANT")).isZero();
	}

	private int total(String query) {
		return json.readTree(coordinator.get("/api/v1/supporters" + query).body()).get("page").get("totalElements").asInt();
	}

	private WebSession session(Role role) {
		WebSession session = new WebSession(port);
		session.signIn(new TestAccounts(context).create(role).username(), TestAccounts.PASSWORD);
		session.get("/");
		return session;
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
