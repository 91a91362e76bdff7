package nl.weerbaar.registry;

import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
class FunctionAssociationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyFunctionHasItsAssociationWhichAnAdministratorMayChange() {
		WebSession admin = session(Role.ADMIN);
		JsonNode functions = json.readTree(admin.get("/api/v1/functions").body());
		assertThat(functions).hasSize(7);
		assertThat(functions.valueStream().filter(f -> f.get("function").asString().equals("MAYOR")).findFirst().orElseThrow()
			.get("associationCode").asString()).isEqualTo("NGB");
		try {
			var changed = admin.putJson("/api/v1/functions/WATER_BOARD_MEMBER", "{\"associationCode\": \"IPO\"}");
			assertThat(changed.status()).isEqualTo(200);
			assertThat(json.readTree(changed.body()).get("associationName").asString()).isEqualTo("Interprovinciaal Overleg");
			assertThat(admin.putJson("/api/v1/functions/WATER_BOARD_MEMBER", "{\"associationCode\": \"FIFA\"}").status()).isEqualTo(400);
			assertThat(session(Role.COORDINATOR).putJson("/api/v1/functions/MAYOR", "{\"associationCode\": \"IPO\"}").status())
				.isEqualTo(403);
			assertThat(session(Role.SUPPORTER).get("/api/v1/functions").status()).isEqualTo(200);
		}
		finally {
			admin.putJson("/api/v1/functions/WATER_BOARD_MEMBER", "{\"associationCode\": \"UVW\"}");
		}
	}

	private WebSession session(Role role) {
		WebSession session = new WebSession(port);
		session.signIn(new TestAccounts(context).create(role).username(), TestAccounts.PASSWORD);
		session.get("/");
		return session;
	}
}
