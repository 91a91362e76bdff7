package nl.weerbaar.team;

import java.util.UUID;

import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
class SupporterImportTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void importsSupportersAllOrNothingAndTheSameFileTwiceChangesNothing() {
		WebSession coordinator = new WebSession(port);
		coordinator.signIn(new TestAccounts(context).create(Role.COORDINATOR).username(), TestAccounts.PASSWORD);
		coordinator.get("/");
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String file = """
				external_id,name,email,phone,kind,organisation,province_code,capacity,expertise,languages,function,body_code,start,end
				%1$s-1,Agnes Visser,agnes@example.nl,,CONFIDANT,NGB,PV25,3,ONLINE_ABUSE|MEDIA,nl|en,,,,
				%1$s-2,Bert Smit,,,PEER,,PV30,2,HOME_FRONT,nl,MAYOR,GM0796,2008-01-01,2014-01-01
				%1$s-2,Bert Smit,,,PEER,,PV30,2,HOME_FRONT,nl,ALDERMAN,GM0796,2002-06-01,2006-06-01
				""".formatted(tag);
		JsonNode first = json.readTree(coordinator.postCsv("/api/v1/supporters/import", file).body());
		assertThat(first.get("created").asInt()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from supporter_term t join supporter s on s.id = t.supporter_id where s.external_id = ?")
			.param(tag + "-2").query(Long.class).single()).isEqualTo(2);
		JsonNode again = json.readTree(coordinator.postCsv("/api/v1/supporters/import", file).body());
		assertThat(again.get("unchanged").asInt()).isEqualTo(2);
		assertThat(again.get("created").asInt() + again.get("updated").asInt()).isZero();

		long before = jdbc.sql("select count(*) from supporter").query(Long.class).single();
		Response refused = coordinator.postCsv("/api/v1/supporters/import", """
				external_id,name,email,phone,kind,organisation,province_code,capacity,expertise,languages,function,body_code,start,end
				%1$s-3,Nieuw,,,EXPERT,CCV,PV26,2,,nl,,,,
				%1$s-4,Peer Zonder Functie,,,PEER,,PV26,2,,nl,,,,
				%1$s-5,Onbekend,,,WIZARD,,PV26,two,TELEPATHY,nl,,,,
				""".formatted(tag));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(json.readTree(refused.body()).get("errors").valueStream().map(e -> e.get("line").asInt() + ":" + e.get("field").asString()))
			.containsExactlyInAnyOrder("4:kind", "4:capacity", "4:expertise");
		assertThat(jdbc.sql("select count(*) from supporter").query(Long.class).single()).isEqualTo(before);
	}
}
