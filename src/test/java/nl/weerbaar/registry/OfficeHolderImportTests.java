package nl.weerbaar.registry;

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

@WebTest
class OfficeHolderImportTests {

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
	void importsAGriffiesListAndTheSameFileTwiceChangesNothing() {
		String file = """
				external_id,name,email,phone,party,function,body_code,start,end
				%1$s-1,Jan de Vries,jan@example.nl,+31 6 11111111,Partij A,COUNCIL_MEMBER,GM0518,2018-03-29,2022-03-30
				%1$s-1,Jan de Vries,jan@example.nl,+31 6 11111111,Partij A,ALDERMAN,GM0518,2022-06-01,
				%1$s-2,Fatma Yilmaz,,,Partij B,COUNCIL_MEMBER,GM0518,2022-03-30,
				%1$s-3,"Bakker, Henk",henk@example.nl,,,PROVINCIAL_COUNCIL_MEMBER,PV28,2023-03-30,
				""".formatted(tag);
		JsonNode first = imported(file);
		assertThat(first.get("created").asInt()).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from office_term t join office_holder o on o.id = t.office_holder_id where o.external_id like ?")
			.param(tag + "-%").query(Long.class).single()).isEqualTo(4);

		JsonNode again = imported(file);
		assertThat(again.get("created").asInt()).isZero();
		assertThat(again.get("updated").asInt()).isZero();
		assertThat(again.get("unchanged").asInt()).isEqualTo(3);

		JsonNode changed = imported(file.replace("Partij B", "Partij C"));
		assertThat(changed.get("updated").asInt()).isEqualTo(1);
		assertThat(jdbc.sql("select party from office_holder where external_id = ?").param(tag + "-2").query(String.class).single())
			.isEqualTo("Partij C");
	}

	@Test
	void aFileWithBadLinesImportsNothingAndNamesEachLine() {
		long before = jdbc.sql("select count(*) from office_holder").query(Long.class).single();
		Response refused = coordinator.postCsv("/api/v1/office-holders/import", """
				external_id;name;email;phone;party;function;body_code;start;end
				%1$s-a;Goed Persoon;;;;COUNCIL_MEMBER;GM0014;2022-03-30;
				%1$s-b;Burgemeester Provincie;;;;MAYOR;PV20;2022-03-30;
				%1$s-c;Geen Functie;;;;PRESIDENT;GM0014;2022-03-30;
				%1$s-d;Verkeerde Datum;niet-een-adres;;;ALDERMAN;GM0014;30-03-2022;
				""".formatted(tag));
		assertThat(refused.status()).isEqualTo(400);
		JsonNode errors = json.readTree(refused.body()).get("errors");
		assertThat(errors.valueStream().map(e -> e.get("line").asInt() + ":" + e.get("code").asString()))
			.contains("4:import.function.invalid", "5:import.date.invalid");
		assertThat(jdbc.sql("select count(*) from office_holder").query(Long.class).single()).isEqualTo(before);

		Response rules = coordinator.postCsv("/api/v1/office-holders/import", """
				external_id,name,email,phone,party,function,body_code,start,end
				%1$s-a,Goed Persoon,,,,COUNCIL_MEMBER,GM0014,2022-03-30,
				%1$s-b,Burgemeester Provincie,,,,MAYOR,PV20,2022-03-30,
				%1$s-d,Verkeerd Adres,niet-een-adres,,,ALDERMAN,GM0014,2022-03-30,2021-01-01
				""".formatted(tag));
		assertThat(rules.status()).isEqualTo(400);
		assertThat(json.readTree(rules.body()).get("errors").valueStream()
			.map(e -> e.get("line").asInt() + ":" + e.get("field").asString() + ":" + e.get("code").asString()))
			.containsExactlyInAnyOrder("3:bodyCode:term.body.wrongKind.MUNICIPALITY", "4:email:field.email.invalid",
					"4:end:term.end.beforeStart");
		assertThat(jdbc.sql("select count(*) from office_holder").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void twoMayorsOfOneMunicipalityInOneFileAreRefused() {
		String municipality = jdbc.sql("""
				select code from body where kind = 'MUNICIPALITY'
				  and code not in (select body_code from office_term where function = 'MAYOR') order by code desc limit 1""")
			.query(String.class).single();
		Response refused = coordinator.postCsv("/api/v1/office-holders/import", """
				external_id,name,email,phone,party,function,body_code,start,end
				%1$s-m1,Eerste,,,,MAYOR,%2$s,2020-01-01,
				%1$s-m2,Tweede,,,,MAYOR,%2$s,2023-01-01,
				""".formatted(tag, municipality));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(json.readTree(refused.body()).get("errors").get(0).get("line").asInt()).isEqualTo(3);
	}

	@Test
	void onlyCoordinatorsAndAdministratorsImport() {
		WebSession client = new WebSession(port);
		client.signIn(new TestAccounts(context).create(Role.CLIENT).username(), TestAccounts.PASSWORD);
		client.get("/");
		assertThat(client.postCsv("/api/v1/office-holders/import", "external_id,name\n").status()).isEqualTo(403);
		Response missing = coordinator.postCsv("/api/v1/office-holders/import", "external_id,name\nx,y\n");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("import.column.missing");
	}

	private JsonNode imported(String csv) {
		Response response = coordinator.postCsv("/api/v1/office-holders/import", csv);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}
}
