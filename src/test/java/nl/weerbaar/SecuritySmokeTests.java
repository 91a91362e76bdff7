package nl.weerbaar;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every handler mapping of the application and proves that an anonymous request is refused: the API answers
 * 401 (never a login page), pages send to the login page, unsafe methods without a CSRF token get 403. The only
 * public handlers are the login page, the anonymous "Vraag hulp" route (whose forms still need a CSRF token), health
 * probes and static assets.
 */
@WebTest
class SecuritySmokeTests {

	private static final Set<String> PUBLIC = Set.of("GET /login", "GET /hulp", "GET /hulp/status", "GET /hulp/status/aanvraag",
			"GET /hulp/evaluatie", "GET /account/setup",
			// browsers post Content-Security-Policy reports without a session or token (BrowserProtectionTests)
			"POST /csp-reports");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void anonymousRequestsToEveryHandlerAreRefused() {
		List<String> checked = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : methods(info)) {
					String path = pattern.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000")
						.replace("/**", "/x");
					if (PUBLIC.contains(method + " " + pattern) || pattern.equals("/error")) {
						continue;
					}
					Response response = anonymous(method, path);
					checked.add(method + " " + path);
					if (method == RequestMethod.GET) {
						if (path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator")) {
							assertThat(response.status()).as(method + " " + path).isEqualTo(401);
							assertThat(response.header("Content-Type")).as(method + " " + path)
								.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
						}
						else {
							assertThat(response.status()).as(method + " " + path).isEqualTo(302);
							assertThat(response.location()).as(method + " " + path).endsWith("/login");
						}
					}
					else {
						assertThat(response.status()).as(method + " " + path).isIn(401, 403);
					}
				}
			}
		});
		assertThat(checked).as("handlers walked").contains("GET /", "GET /bodies", "GET /api/v1/bodies",
				"GET /admin/accounts", "POST /admin/accounts", "POST /account/password");
	}

	@Test
	void actuatorIsForAdministratorsButTheHealthProbesArePublic() {
		WebSession anonymous = new WebSession(port);
		assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
		assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
		assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(401);
	}

	@Test
	void theAnonymousRouteIsPublicButShowsNothingWithoutAReceiptCode() {
		WebSession anonymous = new WebSession(port);
		assertThat(anonymous.get("/hulp").status()).isEqualTo(200);
		assertThat(anonymous.get("/hulp/status").status()).isEqualTo(200);
		Response status = anonymous.get("/hulp/status/aanvraag");
		assertThat(status.status()).isEqualTo(302);
		assertThat(status.location()).endsWith("/hulp/status");
		Response evaluation = anonymous.get("/hulp/evaluatie");
		assertThat(evaluation.status()).isEqualTo(302);
		assertThat(evaluation.location()).endsWith("/hulp/status");
		assertThat(anonymous.request("POST", "/hulp").status()).as("no CSRF token").isEqualTo(403);
		assertThat(anonymous.request("POST", "/hulp/evaluatie").status()).as("no CSRF token").isEqualTo(403);
	}

	@Test
	void staticAssetsArePublic() {
		WebSession anonymous = new WebSession(port);
		assertThat(anonymous.get("/assets/weerbaar.css").status()).isEqualTo(200);
		assertThat(anonymous.get("/assets/weerbaar.js").status()).isEqualTo(200);
	}

	private Response anonymous(RequestMethod method, String path) {
		return new WebSession(port).request(method.name(), path);
	}

	private static Set<RequestMethod> methods(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		return methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods;
	}
}
