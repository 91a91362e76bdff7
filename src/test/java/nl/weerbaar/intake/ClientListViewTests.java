package nl.weerbaar.intake;

import java.util.UUID;

import nl.weerbaar.cases.CaseFixtures;
import nl.weerbaar.cases.CaseFixtures.OpenCase;
import nl.weerbaar.cases.CaseFixtures.SupporterAt;
import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static nl.weerbaar.cases.CaseFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/** A client's lists follow the rules of the client's detail views: what the detail hides, the list hides too. */
@WebTest
class ClientListViewTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private CaseFixtures fixtures;
	private TestAccount clientAccount;
	private UUID officeHolder;

	@BeforeEach
	void setUp() {
		fixtures = new CaseFixtures(context, port);
		clientAccount = new TestAccounts(context).create(Role.CLIENT);
		officeHolder = fixtures.officeHolder(clientAccount.id());
	}

	@Test
	void aClientsRequestListShowsNoLevelOfConcernNorTheDeadlineThatFollowsFromItAndCannotFilterOnThem() {
		JsonNode filed = read(fixtures.coordinator.postJson("/api/v1/support-requests", IntakeFixtures.requestJson(officeHolder, "Dreigmail")));
		String id = filed.get("id").asString();
		assertThat(fixtures.coordinator.putJson("/api/v1/support-requests/" + id + "/triage", "{\"concernLevel\": \"HIGH\"}").status())
			.isEqualTo(200);
		WebSession client = fixtures.session(clientAccount);

		JsonNode item = item(client, "", id);
		assertThat(absent(item.path("concernLevel"))).as(item.toString()).isTrue();
		assertThat(absent(item.path("dueAt"))).as(item.toString()).isTrue();
		assertThat(item.get("overdue").asBoolean()).isFalse();

		JsonNode detail = read(client.get("/api/v1/support-requests/" + id));
		assertThat(absent(detail.path("concernLevel"))).isTrue();
		assertThat(absent(detail.path("dueAt"))).as("the deadline tells the level").isTrue();
		assertThat(item(client, "?concernLevel=LOW", id)).as("a filter on the level is no way round").isNotNull();
		assertThat(item(client, "?concernLevel=HIGH", id)).isNotNull();

		JsonNode seenByDesk = item(fixtures.coordinator, "?concernLevel=HIGH", id);
		assertThat(seenByDesk.get("concernLevel").asString()).as("the desk's list is as before").isEqualTo("HIGH");
		assertThat(absent(seenByDesk.path("dueAt"))).isFalse();
	}

	@Test
	void aClientsCaseListShowsNoLevelAndNoSupportersRecord() {
		SupporterAt supporter = fixtures.supporter("PV26");
		OpenCase open = fixtures.openCase(supporter, officeHolder, "MODERATE");
		JsonNode mine = read(fixtures.session(clientAccount).get("/api/v1/cases"));
		JsonNode item = mine.valueStream().filter(c -> c.get("id").asString().equals(open.caseId().toString())).findFirst().orElseThrow();
		assertThat(absent(item.path("concernLevel"))).as(item.toString()).isTrue();
		assertThat(absent(item.path("supporterId"))).as(item.toString()).isTrue();
		JsonNode desk = read(fixtures.coordinator.get("/api/v1/cases")).valueStream()
			.filter(c -> c.get("id").asString().equals(open.caseId().toString())).findFirst().orElseThrow();
		assertThat(desk.get("supporterId").asString()).isEqualTo(supporter.supporterId().toString());
	}

	private static boolean absent(JsonNode value) {
		return value.isNull() || value.isMissingNode();
	}

	private static JsonNode item(WebSession session, String query, String id) {
		JsonNode list = read(session.get("/api/v1/support-requests" + query));
		return list.get("content").valueStream().filter(r -> r.get("id").asString().equals(id)).findFirst().orElse(null);
	}
}
