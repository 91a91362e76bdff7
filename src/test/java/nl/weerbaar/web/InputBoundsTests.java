package nl.weerbaar.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies beyond their limit (1 MiB for JSON and forms, 10 MiB for CSV uploads) are refused with 413 before they are
 * read, as a problem in the API and as a page that says so; nothing is saved.
 */
@WebTest
class InputBoundsTests {

	private static final int MIB = 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();
	private WebSession coordinator;
	private String tag;

	@BeforeEach
	void signIn() {
		coordinator = new WebSession(port);
		coordinator.signIn(new TestAccounts(context).create(Role.COORDINATOR).username(), TestAccounts.PASSWORD);
		coordinator.get("/");
		tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aJsonBodyOverOneMebibyteGetsAProblemWith413AndNothingIsSaved() {
		String subject = alderman();
		Response refused = coordinator.postJson("/api/v1/support-requests", request(subject, "x".repeat(MIB + 1)));

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(refused.body());
		assertThat(problem.get("status").asInt()).isEqualTo(413);
		assertThat(problem.get("maxBytes").asLong()).isEqualTo(MIB);
		assertThat(requestsAbout(subject)).isZero();
	}

	@Test
	void aJsonBodyOfUndeclaredLengthIsCutOffAtItsLimit() {
		String subject = alderman();
		byte[] body = request(subject, "x".repeat(MIB + 1)).getBytes(StandardCharsets.UTF_8);
		// from a stream, the client declares no length and sends the body in chunks
		Response refused = coordinator.send(HttpRequest.newBuilder(URI.create(coordinator.base() + "/api/v1/support-requests"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

		assertThat(refused.status()).as(refused.body()).isEqualTo(413);
		assertThat(json.readTree(refused.body()).get("maxBytes").asLong()).isEqualTo(MIB);
		assertThat(requestsAbout(subject)).isZero();
	}

	@Test
	void anElevenMebibyteOfficeHolderListGets413AndTheRegistryIsUnchanged() {
		Response refused = coordinator.postCsv("/api/v1/office-holders/import", officeHolderList(11 * MIB));

		assertThat(refused.status()).isEqualTo(413);
		assertThat(json.readTree(refused.body()).get("maxBytes").asLong()).isEqualTo(10L * MIB);
		assertThat(officeHoldersTagged()).isZero();
	}

	@Test
	void anElevenMebibyteSupporterListGets413AndTheTeamIsUnchanged() {
		String file = """
				external_id,name,email,phone,kind,organisation,province_code,capacity,expertise,languages,function,body_code,start,end
				%s-1,Agnes Visser,,,CONFIDANT,NGB,PV25,3,MEDIA,nl,,,,
				""".formatted(tag);
		Response refused = coordinator.postCsv("/api/v1/supporters/import", file + "\n".repeat(11 * MIB));

		assertThat(refused.status()).isEqualTo(413);
		assertThat(jdbc.sql("select count(*) from supporter where external_id like ?").param(tag + "-%").query(Long.class).single())
			.isZero();
	}

	@Test
	void anElevenMebibyteUploadOnThePageSaysItIsTooLargeAndImportsNothing() {
		coordinator.get("/office-holders/import");
		Response refused = coordinator.postFile("/office-holders/import", "file", "raad.csv", "text/csv",
				officeHolderList(11 * MIB).getBytes(StandardCharsets.UTF_8));

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.body()).contains("te groot").contains("10 MiB");
		assertThat(officeHoldersTagged()).isZero();
	}

	@Test
	void aCsvLargerThanAJsonBodyButWithinTheUploadLimitIsImported() {
		Response imported = coordinator.postCsv("/api/v1/office-holders/import", officeHolderList(2 * MIB));

		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(officeHoldersTagged()).isEqualTo(1);
	}

	@Test
	void aJsonListOverItsBoundIsRefusedWithItsFieldAndNothingIsSaved() {
		String terms = java.util.stream.IntStream.range(0, 51)
			.mapToObj(i -> "{\"function\": \"COUNCIL_MEMBER\", \"bodyCode\": \"GM0437\", \"start\": \"%s\", \"end\": \"%s\"}"
				.formatted(java.time.LocalDate.of(1970, 1, 1).plusMonths(i), java.time.LocalDate.of(1970, 1, 20).plusMonths(i)))
			.collect(java.util.stream.Collectors.joining(","));
		Response refused = coordinator.postJson("/api/v1/office-holders",
				"{\"name\": \"Raadslid\", \"externalId\": \"%s-1\", \"terms\": [%s]}".formatted(tag, terms));

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		JsonNode error = json.readTree(refused.body()).get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("terms");
		assertThat(error.get("code").asString()).isEqualTo("field.tooMany");
		assertThat(officeHoldersTagged()).isZero();
	}

	@Test
	void anImportedPersonWithMoreTermsThanTheBoundIsRefusedAndNothingIsImported() {
		String lines = java.util.stream.IntStream.range(0, 51)
			.mapToObj(i -> "%s-1,Jan de Vries,,,,COUNCIL_MEMBER,GM0518,%s,%s".formatted(tag, java.time.LocalDate.of(1970, 1, 1)
				.plusMonths(i), java.time.LocalDate.of(1970, 1, 20).plusMonths(i)))
			.collect(java.util.stream.Collectors.joining("\n"));
		Response refused = coordinator.postCsv("/api/v1/office-holders/import",
				"external_id,name,email,phone,party,function,body_code,start,end\n" + lines + "\n");

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("\"terms\"").contains("field.tooMany");
		assertThat(officeHoldersTagged()).isZero();
	}

	/** One office holder, and empty lines (which the import skips) up to the size. */
	private String officeHolderList(int size) {
		String file = """
				external_id,name,email,phone,party,function,body_code,start,end
				%s-1,Jan de Vries,,,Partij A,COUNCIL_MEMBER,GM0518,2022-03-30,
				""".formatted(tag);
		return file + "\n".repeat(size - file.length());
	}

	private long officeHoldersTagged() {
		return jdbc.sql("select count(*) from office_holder where external_id like ?").param(tag + "-%").query(Long.class).single();
	}

	private String alderman() {
		Response created = coordinator.postJson("/api/v1/office-holders", """
				{"name": "Wethouder %s", "terms": [{"function": "ALDERMAN", "bodyCode": "GM0437", "start": "2022-06-01"}]}"""
			.formatted(tag));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).get("id").asString();
	}

	private static String request(String subject, String summary) {
		return """
				{"subjectId": "%s", "channel": "PHONE", "summary": "%s",
				 "incidents": [{"occurredOn": "2026-11-01", "kind": "WRITTEN_THREAT", "channel": "EMAIL"}]}"""
			.formatted(subject, summary);
	}

	private long requestsAbout(String subject) {
		return jdbc.sql("select count(*) from support_request where subject_id = ?::uuid").param(subject).query(Long.class).single();
	}
}
