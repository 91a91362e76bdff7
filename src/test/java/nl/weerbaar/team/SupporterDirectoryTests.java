package nl.weerbaar.team;

import java.util.List;
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

/**
 * Least data in the team directory: a supporter sees a colleague's name, kind, organisation, languages and province,
 * over the API and on the pages; coordinators and administrators keep the whole record.
 */
@WebTest
class SupporterDirectoryTests {

	private static final String[] CARD = { "id", "name", "kind", "organisation", "languages", "provinceCode" };

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private final JsonMapper json = JsonMapper.builder().build();
	private WebSession coordinator;
	private String tag;
	private String id;

	@BeforeEach
	void aColleagueWithEverythingFilledIn() {
		coordinator = session(Role.COORDINATOR);
		tag = UUID.randomUUID().toString().substring(0, 8);
		Response created = coordinator.postJson("/api/v1/supporters", """
				{"name": "Collega %s", "email": "collega-%s@example.nl", "phone": "+31 6 12345678", "party": "Partij %s",
				 "kind": "PEER", "organisation": "NGB", "gender": "FEMALE", "capacity": 3,
				 "terms": [{"function": "MAYOR", "bodyCode": "GM0344", "start": "2010-01-01", "end": "2019-01-01"}],
				 "expertise": ["LEGAL"], "languages": ["nl", "fy"], "provinceCode": "PV26",
				 "absences": [{"from": "2026-12-20", "to": "2027-01-03"}]}""".formatted(tag, tag, tag));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		id = json.readTree(created.body()).get("id").asString();
	}

	@Test
	void aSupporterGetsOnlyNameKindOrganisationLanguagesAndProvinceFromTheApi() {
		WebSession supporter = session(Role.SUPPORTER);
		JsonNode card = json.readTree(supporter.get("/api/v1/supporters/" + id).body());
		assertThat(card.propertyNames()).containsExactlyInAnyOrder(CARD);
		assertThat(card.get("name").asString()).isEqualTo("Collega " + tag);
		assertThat(card.get("organisation").asString()).isEqualTo("NGB");
		assertThat(card.get("provinceCode").asString()).isEqualTo("PV26");
		assertThat(card.get("languages").valueStream().map(JsonNode::asString)).containsExactly("fy", "nl");

		JsonNode list = json.readTree(supporter.get("/api/v1/supporters?q=" + tag).body());
		assertThat(list.get("page").get("totalElements").asInt()).isEqualTo(1);
		assertThat(list.get("content").get(0).propertyNames()).containsExactlyInAnyOrder(CARD);
		assertThat(json.readTree(supporter.get("/api/v1/supporters?q=" + tag + "&expertise=ONLINE_ABUSE").body())
			.get("page").get("totalElements").asInt()).as("a filter on what a card hides is not applied").isEqualTo(1);
	}

	@Test
	void coordinatorsAndAdministratorsKeepTheWholeRecord() {
		for (WebSession staff : List.of(coordinator, session(Role.ADMIN))) {
			JsonNode whole = json.readTree(staff.get("/api/v1/supporters/" + id).body());
			assertThat(whole.get("email").asString()).isEqualTo("collega-" + tag + "@example.nl");
			assertThat(whole.get("phone").asString()).isEqualTo("+31 6 12345678");
			assertThat(whole.get("party").asString()).isEqualTo("Partij " + tag);
			assertThat(whole.get("gender").asString()).isEqualTo("FEMALE");
			assertThat(whole.get("absences")).hasSize(1);
			JsonNode listed = json.readTree(staff.get("/api/v1/supporters?q=" + tag).body()).get("content").get(0);
			assertThat(listed.get("capacity").asInt()).isEqualTo(3);
		}
		assertThat(coordinator.get("/supporters/" + id).body()).contains("collega-" + tag + "@example.nl", "+31 6 12345678");
	}

	@Test
	void aSupportersPagesShowNoContactDetailsCapacityOrFunctionsHeldAndNoForm() {
		WebSession supporter = session(Role.SUPPORTER);
		Response page = supporter.get("/supporters/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Collega " + tag, "NGB", "PV26", "fy, nl")
			.doesNotContain("collega-" + tag + "@example.nl", "+31 6 12345678", "Partij " + tag, "GM0344",
					"/supporters/" + id + "/edit");
		Response list = supporter.get("/supporters?q=" + tag);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("Collega " + tag, "fy, nl").doesNotContain("name=\"expertise\"");
		assertThat(supporter.get("/supporters/" + id + "/edit").status()).isEqualTo(403);
		assertThat(supporter.get("/supporters/new").status()).isEqualTo(403);
	}

	private WebSession session(Role role) {
		WebSession session = new WebSession(port);
		session.signIn(new TestAccounts(context).create(role).username(), TestAccounts.PASSWORD);
		session.get("/");
		return session;
	}
}
