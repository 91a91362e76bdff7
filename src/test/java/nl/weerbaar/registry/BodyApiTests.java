package nl.weerbaar.registry;

import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@WebTest
class BodyApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private final JsonMapper json = JsonMapper.builder().build();
	private WebSession session;

	@BeforeEach
	void signIn() {
		session = new WebSession(port);
		session.signIn(new TestAccounts(context).create(Role.SUPPORTER).username(), TestAccounts.PASSWORD);
	}

	@Test
	void listsThe342MunicipalitiesThe12ProvincesAndThe21WaterBoards() {
		assertThat(total("/api/v1/bodies?kind=MUNICIPALITY")).isEqualTo(342);
		assertThat(total("/api/v1/bodies?kind=PROVINCE")).isEqualTo(12);
		assertThat(total("/api/v1/bodies?kind=WATER_BOARD")).isEqualTo(21);
		assertThat(total("/api/v1/bodies")).isEqualTo(375);
	}

	@Test
	void filtersByProvinceWithEitherParameterName() {
		assertThat(total("/api/v1/bodies?kind=MUNICIPALITY&province=PV27")).isEqualTo(44);
		assertThat(total("/api/v1/bodies?kind=MUNICIPALITY&provinceCode=PV30")).isEqualTo(56);
		// a water board lies in every province its area touches: Amstel, Gooi en Vecht is in three
		JsonNode boards = get("/api/v1/bodies?kind=WATER_BOARD&province=PV26&size=50").get("content");
		assertThat(boards.valueStream().map(board -> board.get("code").asString())).contains("WS0155", "WS0636");
	}

	@Test
	void aMunicipalityKnowsItsProvince() {
		JsonNode ouderAmstel = get("/api/v1/bodies/GM0437");
		assertThat(ouderAmstel.get("name").asString()).isEqualTo("Ouder-Amstel");
		assertThat(ouderAmstel.get("kind").asString()).isEqualTo("MUNICIPALITY");
		assertThat(ouderAmstel.get("provinceCode").asString()).isEqualTo("PV27");
		assertThat(ouderAmstel.get("provinceName").asString()).isEqualTo("Noord-Holland");
		assertThat(get("/api/v1/bodies/gm0518").get("name").asString()).isEqualTo("'s-Gravenhage");
		JsonNode agv = get("/api/v1/bodies/WS0155");
		assertThat(agv.get("provinceNames").valueStream().map(JsonNode::asString)).containsExactly("Utrecht",
				"Noord-Holland", "Zuid-Holland");
	}

	@Test
	void pagesInSpringDataForm() {
		JsonNode page = get("/api/v1/bodies?kind=MUNICIPALITY&page=2&size=10");
		assertThat(page.get("content")).hasSize(10);
		assertThat(page.get("page").get("number").asInt()).isEqualTo(2);
		assertThat(page.get("page").get("size").asInt()).isEqualTo(10);
		assertThat(page.get("page").get("totalElements").asInt()).isEqualTo(342);
		assertThat(page.get("page").get("totalPages").asInt()).isEqualTo(35);
	}

	@Test
	void searchesByPartOfTheNameOrCode() {
		JsonNode found = get("/api/v1/bodies?q=amster");
		assertThat(found.get("content").valueStream().map(body -> body.get("code").asString())).containsExactly("GM0363");
		assertThat(total("/api/v1/bodies?q=GM036")).isGreaterThanOrEqualTo(2);
		assertThat(total("/api/v1/bodies?q=%25")).isZero();
	}

	@Test
	void anUnknownKindIsABadRequestWithAProblemDetail() {
		var response = session.get("/api/v1/bodies?kind=CASTLE");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).isEqualTo("'kind' must be one of MUNICIPALITY, PROVINCE, WATER_BOARD.");
	}

	@Test
	void anUnknownCodeIsNotFoundWithAProblemDetail() {
		var response = session.get("/api/v1/bodies/GM9999");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
	}

	@Test
	void theOpenApiDocumentDescribesTheBodiesApi() {
		JsonNode openApi = get("/v3/api-docs");
		assertThat(openApi.get("paths").has("/api/v1/bodies")).isTrue();
		assertThat(openApi.get("paths").has("/api/v1/bodies/{code}")).isTrue();
	}

	private long total(String path) {
		return get(path).get("page").get("totalElements").asLong();
	}

	private JsonNode get(String path) {
		var response = session.get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return json.readTree(response.body());
	}
}
