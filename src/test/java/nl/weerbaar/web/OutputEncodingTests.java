package nl.weerbaar.web;

import java.util.UUID;

import nl.weerbaar.cases.CaseFixtures;
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
import tools.jackson.databind.json.JsonMapper;

import static nl.weerbaar.cases.CaseFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What people type is kept as typed and encoded only where it is written out: by Thymeleaf for HTML, by Jackson for
 * JSON; it is decoded once, never run as a template (ASVS 5.0 V1.1.1, V1.1.2, V1.2.1, V1.2.3, V1.3.7).
 */
@WebTest
class OutputEncodingTests {

	/** Markup, quotes, a line separator, a backslash, template expressions and text that is already encoded. */
	static final String TYPED = "<script>alert(1)</script> \"q\" 'a' & </textarea><!-- \u2028 \\ ${1234*4321} "
			+ "__${1234*4321}__ [[${1234*4321}]] %3Cb%3E &lt;i&gt;";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private WebSession admin;

	@BeforeEach
	void signIn() {
		admin = new CaseFixtures(context, port).session(new TestAccounts(context).create(Role.ADMIN));
	}

	@Test
	void textIsStoredAsTypedAndComesBackIdenticalAsJson() {
		String id = createPartner();

		Response answer = admin.get("/api/v1/partners/" + id);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(read(answer).get("description").asString()).as("not escaped, unescaped or decoded on the way in")
			.isEqualTo(TYPED);
		assertThat(JsonMapper.builder().build().readTree(answer.body()).get("name").asString()).startsWith("Partner <script>");
	}

	@Test
	void pagesEncodeTextForItsPlaceInTheHtmlAndNeverRunItAsATemplate() {
		String id = createPartner();

		String list = admin.get("/partners").body();
		String form = admin.get("/partners/" + id).body();

		for (String page : new String[] { list, form }) {
			assertThat(page).doesNotContain("<script>alert(1)", "</textarea><!--", "&lt;b&gt;")
				.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
				.contains("%3Cb%3E", "&amp;lt;i&amp;gt;")
				.as("template expressions in data are text, never evaluated")
				.contains("${1234*4321}")
				.doesNotContain("5332114");
		}
		assertThat(form).as("in an attribute the quotes are encoded too").contains("&quot;q&quot;");
	}

	@Test
	void aQueryParameterIsDecodedOnceAndNoMore() {
		WebSession anyone = admin;

		assertThat(total(anyone, "/api/v1/bodies?q=amsterdam")).isPositive();
		assertThat(total(anyone, "/api/v1/bodies?q=%61msterdam")).as("decoded once: 'amsterdam'").isPositive();
		assertThat(total(anyone, "/api/v1/bodies?q=%2561msterdam")).as("decoded once: '%61msterdam', not 'amsterdam'")
			.isZero();
	}

	private String createPartner() {
		String code = "ENC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String json = JsonMapper.builder()
			.build()
			.createObjectNode()
			.put("code", code)
			.put("name", "Partner <script>x</script> " + code)
			.put("description", TYPED)
			.put("active", true)
			.toString();
		Response created = admin.postJson("/api/v1/partners", json.replace("\"active\":true",
				"\"active\":true,\"services\":[\"Advies\"],\"instruments\":[\"OTHER\"]"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return read(created).get("id").asString();
	}

	private static long total(WebSession session, String path) {
		Response answer = session.get(path);
		assertThat(answer.status()).as(path).isEqualTo(200);
		return read(answer).get("page").get("totalElements").asLong();
	}
}
