package nl.weerbaar.platform;

import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator's sbom endpoint (the CycloneDX bill of materials that the build puts in the jar; BillOfMaterialsIT reads
 * it there) tells what every component is and which version: a map for an attacker, so for administrators only.
 */
@WebTest
class BillOfMaterialsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void theBillOfMaterialsIsForAdministratorsOnly() {
		assertThat(new WebSession(port).request("GET", "/actuator/sbom").status()).isEqualTo(401);
		assertThat(new WebSession(port).request("GET", "/actuator/sbom/application").status()).isEqualTo(401);

		TestAccounts accounts = new TestAccounts(context);
		WebSession coordinator = new WebSession(port);
		coordinator.signIn(accounts.create(Role.COORDINATOR).username(), TestAccounts.PASSWORD);
		assertThat(coordinator.request("GET", "/actuator/sbom").status()).isEqualTo(403);
		assertThat(coordinator.request("GET", "/actuator/sbom/application").status()).isEqualTo(403);

		WebSession admin = new WebSession(port);
		admin.signIn(accounts.create(Role.ADMIN).username(), TestAccounts.PASSWORD);
		Response list = admin.request("GET", "/actuator/sbom");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("\"ids\"");
	}
}
