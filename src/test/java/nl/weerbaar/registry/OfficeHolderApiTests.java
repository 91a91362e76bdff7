package nl.weerbaar.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.TestDatabase;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
class OfficeHolderApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();
	private TestAccount coordinator;
	private WebSession api;

	@BeforeEach
	void signIn() {
		coordinator = new TestAccounts(context).create(Role.COORDINATOR);
		api = new WebSession(port);
		api.signIn(coordinator.username(), TestAccounts.PASSWORD);
		api.get("/");
	}

	@Test
	void registersAnOfficeHolderAndShowsTheContactDetailsOnlyToWhoeverMayWhileRecordingTheRead() {
		String name = "Anneke " + unique();
		Response created = api.postJson("/api/v1/office-holders", """
				{"name": "%s", "email": "anneke@ouder-amstel.example", "phone": "+31 20 123 4567", "party": "Lokaal",
				 "terms": [{"function": "ALDERMAN", "bodyCode": "GM0437", "start": "2022-06-01", "end": null}]}"""
			.formatted(name));
		assertThat(created.status()).isEqualTo(201);
		JsonNode body = json.readTree(created.body());
		String id = body.get("id").asString();
		assertThat(created.location()).endsWith("/api/v1/office-holders/" + id);
		assertThat(body.get("terms").get(0).get("function").asString()).isEqualTo("ALDERMAN");

		JsonNode read = json.readTree(api.get("/api/v1/office-holders/" + id).body());
		assertThat(read.get("email").asString()).isEqualTo("anneke@ouder-amstel.example");
		assertThat(read.get("phone").asString()).isEqualTo("+31 20 123 4567");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'READ_PERSONAL_DATA' and object_id = ? and actor_id = ?")
			.params(id, coordinator.id()).query(Long.class).single()).isEqualTo(1);

		WebSession supporter = new WebSession(port);
		supporter.signIn(new TestAccounts(context).create(Role.SUPPORTER).username(), TestAccounts.PASSWORD);
		assertThat(supporter.get("/api/v1/office-holders/" + id).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/office-holders/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void refusesAMayorOfAProvinceAndATermEndingBeforeItStartsNamingTheFields() {
		Response refused = api.postJson("/api/v1/office-holders", """
				{"name": "Fout %s", "terms": [
				  {"function": "MAYOR", "bodyCode": "PV27", "start": "2020-01-01", "end": null},
				  {"function": "ALDERMAN", "bodyCode": "GM0437", "start": "2020-01-01", "end": "2019-01-01"}]}"""
			.formatted(unique()));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		JsonNode errors = json.readTree(refused.body()).get("errors");
		assertThat(errors.valueStream().map(e -> e.get("field").asString() + ":" + e.get("code").asString()))
			.containsExactlyInAnyOrder("terms[0].bodyCode:term.body.wrongKind.MUNICIPALITY", "terms[1].end:term.end.beforeStart");
		assertThat(api.postJson("/api/v1/office-holders", "{\"name\": \"\", \"email\": \"not-an-address\"}").status()).isEqualTo(400);
		assertThat(api.postJson("/api/v1/office-holders", "{\"name\": ").status()).isEqualTo(400);
		assertThat(api.postJson("/api/v1/office-holders", "{\"name\": \"Null\", \"terms\": [null, {\"function\": \"MAYOR\"}]}")
			.status()).isEqualTo(400);
	}

	@Test
	void oneMayorPerMunicipalityAtATimeAndOneKingsCommissionerPerProvince() {
		String municipality = jdbc.sql("""
				select code from body where kind = 'MUNICIPALITY'
				  and code not in (select body_code from office_term where function = 'MAYOR') order by random() limit 1""")
			.query(String.class).single();
		assertThat(register("MAYOR", municipality, "2015-01-01", "2021-01-01").status()).isEqualTo(201);
		Response second = register("MAYOR", municipality, "2020-06-01", null);
		assertThat(second.status()).isEqualTo(409);
		assertThat(json.readTree(second.body()).get("errors").get(0).get("code").asString()).isEqualTo("term.seat.taken.MAYOR");
		assertThat(register("MAYOR", municipality, "2021-01-01", null).status()).as("the next one, from the day after").isEqualTo(201);

		String province = jdbc.sql("""
				select code from body where kind = 'PROVINCE'
				  and code not in (select body_code from office_term where function = 'KINGS_COMMISSIONER') limit 1""")
			.query(String.class).single();
		assertThat(register("KINGS_COMMISSIONER", province, "2019-01-01", null).status()).isEqualTo(201);
		assertThat(register("KINGS_COMMISSIONER", province, "2024-01-01", null).status()).isEqualTo(409);
	}

	@Test
	void findsByNameFunctionBodyAndProvinceInSpringDataPages() {
		String tag = unique();
		register("Zoek " + tag + " Een", "COUNCIL_MEMBER", "GM0363", "2022-03-30", null);
		register("Zoek " + tag + " Twee", "PROVINCIAL_COUNCIL_MEMBER", "PV26", "2023-03-30", null);
		JsonNode byName = json.readTree(api.get("/api/v1/office-holders?q=zoek%20" + tag).body());
		assertThat(byName.get("page").get("totalElements").asInt()).isEqualTo(2);
		assertThat(byName.get("content").get(0).has("email")).as("lists carry no contact details").isFalse();
		assertThat(total("?q=" + tag + "&function=COUNCIL_MEMBER")).isEqualTo(1);
		assertThat(total("?q=" + tag + "&bodyCode=GM0363")).isEqualTo(1);
		assertThat(total("?q=" + tag + "&provinceCode=PV27")).as("Amsterdam lies in Noord-Holland").isEqualTo(1);
		assertThat(total("?q=" + tag + "&provinceCode=PV26")).isEqualTo(1);
		assertThat(api.get("/api/v1/office-holders?function=KING").status()).isEqualTo(400);
	}

	@Test
	void updatesAnOfficeHolderAndKeepsTheHomeFrontSealed() {
		String id = json.readTree(register("Piet " + unique(), "ALDERMAN", "GM0344", "2022-06-01", null).body()).get("id").asString();
		Response updated = api.request("PUT", "/api/v1/office-holders/" + id);
		assertThat(updated.status()).as("no body, no CSRF token").isIn(400, 403);
		Response put = api.putJson("/api/v1/office-holders/" + id, """
				{"name": "Piet Jansen", "email": "piet@example.nl", "terms": [
				  {"function": "ALDERMAN", "bodyCode": "GM0344", "start": "2022-06-01", "end": "2024-01-01"}]}""");
		assertThat(put.status()).isEqualTo(200);
		assertThat(json.readTree(put.body()).get("terms").get(0).get("end").asString()).isEqualTo("2024-01-01");

		assertThat(api.postJson("/api/v1/office-holders/" + id + "/home-front", "{\"relation\": \"CHILD\"}").status())
			.as("a child needs an age band").isEqualTo(400);
		Response child = api.postJson("/api/v1/office-holders/" + id + "/home-front",
				"{\"relation\": \"CHILD\", \"ageBand\": \"AGE_12_17\", \"name\": \"Sem\"}");
		assertThat(child.status()).isEqualTo(201);
		JsonNode homeFront = json.readTree(api.get("/api/v1/office-holders/" + id + "/home-front").body());
		assertThat(homeFront.get(0).get("name").asString()).isEqualTo("Sem");
		assertThat(homeFront.get(0).get("ageBand").asString()).isEqualTo("AGE_12_17");
		assertThat(api.get("/api/v1/office-holders/" + UUID.randomUUID() + "/home-front").status()).isEqualTo(404);
	}

	@Test
	void aClientSeesAndEditsOnlyTheirOwnContactDetailsAndHomeFront() {
		TestAccount clientAccount = new TestAccounts(context).create(Role.CLIENT);
		String own = json.readTree(api.postJson("/api/v1/office-holders", """
				{"name": "Eigen %s", "email": "oud@example.nl", "accountId": "%s",
				 "terms": [{"function": "COUNCIL_MEMBER", "bodyCode": "GM0153", "start": "2022-03-30", "end": null}]}"""
			.formatted(unique(), clientAccount.id())).body()).get("id").asString();
		String other = json.readTree(register("ALDERMAN", "GM0153", "2022-06-01", null).body()).get("id").asString();

		WebSession client = new WebSession(port);
		client.signIn(clientAccount.username(), TestAccounts.PASSWORD);
		client.get("/");
		assertThat(client.get("/api/v1/office-holders/" + own).status()).isEqualTo(200);
		assertThat(client.get("/api/v1/office-holders/" + other).status()).as("someone else's: not found").isEqualTo(404);
		assertThat(client.get("/api/v1/office-holders/" + other + "/home-front").status()).isEqualTo(404);
		assertThat(client.get("/api/v1/office-holders").status()).isEqualTo(403);

		Response changed = client.putJson("/api/v1/office-holders/" + own, """
				{"name": "Andere Naam", "email": "nieuw@example.nl", "terms": []}""");
		assertThat(changed.status()).isEqualTo(200);
		JsonNode after = json.readTree(changed.body());
		assertThat(after.get("email").asString()).isEqualTo("nieuw@example.nl");
		assertThat(after.get("name").asString()).as("a client changes contact details only").startsWith("Eigen ");
		assertThat(after.get("terms")).hasSize(1);
		assertThat(client.postJson("/api/v1/office-holders/" + own + "/home-front", "{\"relation\": \"PARTNER\"}").status())
			.isEqualTo(201);
	}

	/** The database holds no contact detail or home-front name in plain text, filled through the real API. */
	@Test
	void aDatabaseFilledThroughTheApiHoldsNoneOfTheMarkersOnDisk() throws IOException {
		String marker = "MARKER" + unique();
		String id = json.readTree(api.postJson("/api/v1/office-holders", """
				{"name": "Publiek %s", "email": "%s@example.nl", "phone": "+31 6 %s",
				 "terms": [{"function": "COUNCIL_MEMBER", "bodyCode": "GM0014", "start": "2022-03-30", "end": null}]}"""
			.formatted(marker, marker, marker.hashCode() & 0xffffff)).body()).get("id").asString();
		api.postJson("/api/v1/office-holders/" + id + "/home-front",
				"{\"relation\": \"PARTNER\", \"name\": \"Partner" + marker + "\", \"email\": \"thuis" + marker + "@example.nl\"}");
		// the server's files are the owner's business: the application's role may neither checkpoint nor see them
		JdbcClient owner = JdbcClient.create(TestDatabase.dataSource("weerbaar"));
		owner.sql("checkpoint").update();
		Path dataDirectory = Path.of(owner.sql("show data_directory").query(String.class).single());
		assertThat(onDisk(dataDirectory, "Publiek " + marker)).as("names are public and plain: the scan works").isTrue();
		assertThat(onDisk(dataDirectory, marker + "@example.nl")).isFalse();
		assertThat(onDisk(dataDirectory, "Partner" + marker)).isFalse();
		assertThat(onDisk(dataDirectory, "thuis" + marker)).isFalse();
	}

	private Response register(String function, String body, String start, String end) {
		return register("Persoon " + unique(), function, body, start, end);
	}

	private Response register(String name, String function, String body, String start, String end) {
		return api.postJson("/api/v1/office-holders", """
				{"name": "%s", "terms": [{"function": "%s", "bodyCode": "%s", "start": "%s", "end": %s}]}"""
			.formatted(name, function, body, start, end == null ? "null" : "\"" + end + "\""));
	}

	private int total(String query) {
		return json.readTree(api.get("/api/v1/office-holders" + query).body()).get("page").get("totalElements").asInt();
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static boolean onDisk(Path directory, String text) throws IOException {
		byte[] needle = text.getBytes(StandardCharsets.UTF_8);
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).anyMatch(file -> indexOf(read(file), needle) >= 0);
		}
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			return new byte[0];
		}
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer:
		for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
