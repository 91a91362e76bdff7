package nl.weerbaar.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The bodies in the database are exactly those of the CSV files kept with their provenance. */
@WebTest
class ReferenceDataTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyMunicipalityOfTheCbsTableIsInTheDatabaseWithItsProvince() throws IOException {
		List<String> expected = csv("gemeenten.csv").stream()
			.map(row -> row.get(0) + "|" + row.get(1) + "|" + row.get(2))
			.sorted()
			.toList();
		List<String> actual = jdbc.sql("select code || '|' || name || '|' || province_code from body where kind = 'MUNICIPALITY' order by 1")
			.query(String.class)
			.list();
		assertThat(actual).hasSize(342).isEqualTo(expected);
	}

	@Test
	void everyWaterBoardLiesInTheProvincesOfItsReglement() throws IOException {
		List<String> expected = csv("waterschappen.csv").stream()
			.map(row -> row.get(0) + "|" + row.get(2).replace(";", ","))
			.sorted()
			.toList();
		List<String> actual = jdbc.sql("""
				select b.code || '|' || string_agg(bp.province_code, ',' order by bp.province_code)
				from body b join body_province bp on bp.body_code = b.code
				where b.kind = 'WATER_BOARD' group by b.code order by 1""").query(String.class).list();
		assertThat(actual).hasSize(21).isEqualTo(expected);
	}

	@Test
	void theProvincesCarryTheCbsSpelling() {
		assertThat(jdbc.sql("select name from body where code = 'PV21'").query(String.class).single()).isEqualTo("Fryslân");
		assertThat(jdbc.sql("select name_alt from body where code = 'PV21'").query(String.class).single()).isEqualTo("Friesland");
	}

	/** A small CSV reader for these files: commas, double quotes around fields that hold commas. */
	private static List<List<String>> csv(String file) throws IOException {
		try (InputStream in = ReferenceDataTests.class.getResourceAsStream("/db/reference/" + file)) {
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
			return lines.stream().map(ReferenceDataTests::fields).collect(Collectors.toList());
		}
	}

	private static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (char c : line.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}
}
