package nl.weerbaar.intake;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static nl.weerbaar.intake.IntakeFixtures.count;
import static nl.weerbaar.intake.IntakeFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What someone without an account typed on the public route may be a third party's: once the request is linked to the
 * person it is about, neither that person nor the receipt holder sees the other's part, and the trail keeps no
 * address of anyone who was not signed in.
 */
@WebTest
class ThirdPartyDataTests {

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
	private static final Pattern CODE = Pattern.compile("id=\"receipt-code\">([\\d ]+)<");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private IntakeFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new IntakeFixtures(port, context);
	}

	@Test
	void theAnonymousRequestersContactDetailsAreNeverShownToTheClientTheRequestIsLinkedTo() {
		Filed filed = filePublicly("Mijn buurvrouw, wethouder, wordt bedreigd", "Buurman Piet Jansen", "piet.jansen@example.nl 06-99887766");
		TestAccount clientAccount = fixtures.account(Role.CLIENT);
		UUID alderman = fixtures.alderman(clientAccount);
		Response linked = fixtures.coordinatorApi.putJson("/api/v1/support-requests/" + filed.id() + "/subject",
				"{\"subjectId\": \"" + alderman + "\"}");
		assertThat(linked.status()).as(linked.body()).isEqualTo(200);
		assertThat(read(linked).get("requesterContact").asString()).as("the desk keeps how to reach the requester")
			.contains("06-99887766");

		WebSession client = fixtures.signedIn(clientAccount);
		Response api = client.get("/api/v1/support-requests/" + filed.id());
		assertThat(api.status()).as(api.body()).isEqualTo(200);
		assertThat(api.body()).doesNotContain("06-99887766").doesNotContain("piet.jansen").doesNotContain("Buurman Piet");
		Response page = client.get("/my/requests/" + filed.id());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("06-99887766").doesNotContain("piet.jansen").doesNotContain("Buurman Piet");
		assertThat(client.get("/api/v1/support-requests").body()).doesNotContain("06-99887766");
	}

	@Test
	void aReceiptHolderSeesStatusAndMessagesOnlyUntilTheRequestIsLinkedAndThenIsToldItWasTakenOver() {
		Filed filed = filePublicly("Er staat al dagen een auto voor mijn huis", null, null);
		WebSession holder = new WebSession(port);
		holder.get("/hulp/status");
		assertThat(holder.post("/hulp/status", Map.of("code", filed.code())).status()).isEqualTo(302);
		assertThat(fixtures.coordinatorApi.postJson("/api/v1/support-requests/" + filed.id() + "/messages",
				"{\"text\": \"Wij bellen u vanmiddag.\"}").status()).isEqualTo(200);
		assertThat(holder.get("/hulp/status/aanvraag").body()).contains("Er staat al dagen een auto").contains("Wij bellen u vanmiddag.");

		UUID alderman = fixtures.alderman(null);
		assertThat(fixtures.coordinatorApi.putJson("/api/v1/support-requests/" + filed.id() + "/subject",
				"{\"subjectId\": \"" + alderman + "\"}").status()).isEqualTo(200);

		Response after = holder.get("/hulp/status/aanvraag");
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.body()).contains("Uw hulpvraag is overgenomen").doesNotContain("Er staat al dagen een auto")
			.doesNotContain("Wij bellen u vanmiddag.").doesNotContain(filed.reference());
		long messages = count(jdbc, "select count(*) from request_message where request_id = ?", UUID.fromString(filed.id()));
		holder.post("/hulp/status/aanvraag/informatie", Map.of("message", "Nog een kenteken: XX-999-Y"));
		assertThat(count(jdbc, "select count(*) from request_message where request_id = ?", UUID.fromString(filed.id())))
			.as("nothing is added with the code any more").isEqualTo(messages);
		assertThat(holder.get("/hulp/evaluatie").status()).as("nor evaluated").isEqualTo(302);

		WebSession again = new WebSession(port);
		again.get("/hulp/status");
		assertThat(again.post("/hulp/status", Map.of("code", filed.code())).status()).isEqualTo(302);
		assertThat(again.get("/hulp/status/aanvraag").body()).contains("Uw hulpvraag is overgenomen")
			.doesNotContain("Er staat al dagen een auto");
	}

	@Test
	void eventsOfSomeoneNotSignedInRecordNoAddress() {
		Filed filed = filePublicly("Ik word online uitgescholden", "Anoniem", null);
		WebSession holder = new WebSession(port);
		holder.get("/hulp/status");
		holder.post("/hulp/status", Map.of("code", filed.code()));
		holder.get("/hulp/status/aanvraag");
		holder.post("/hulp/status/aanvraag/informatie", Map.of("message", "Het gaat door"));

		assertThat(count(jdbc, "select count(*) from audit_event where object_id = ? and actor_id is null", filed.id()))
			.as("the request, its incident, the reads and the message are recorded").isGreaterThanOrEqualTo(4);
		assertThat(count(jdbc, "select count(*) from audit_event where object_id = ? and actor_id is null and origin is not null",
				filed.id())).as("without an address").isZero();
		fixtures.coordinatorApi.get("/api/v1/support-requests/" + filed.id());
		assertThat(count(jdbc, "select count(*) from audit_event where object_id = ? and actor_id = ? and origin is not null",
				filed.id(), fixtures.coordinator.id())).as("a signed-in person's reads keep theirs").isEqualTo(1);
	}

	private record Filed(String id, String reference, String code) {
	}

	private Filed filePublicly(String summary, String name, String contact) {
		WebSession visitor = new WebSession(port);
		Matcher token = TOKEN.matcher(visitor.get("/hulp").body());
		assertThat(token.find()).isTrue();
		Map<String, String> form = new HashMap<>();
		form.put("summary", summary);
		form.put("function", "ALDERMAN");
		form.put("kind", "INTIMIDATION_AT_HOME");
		form.put("occurredOn", "2026-11-20");
		form.put("token", token.group(1));
		if (name != null) {
			form.put("name", name);
		}
		if (contact != null) {
			form.put("contact", contact);
		}
		Response receipt = visitor.post("/hulp", form);
		assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
		Matcher code = CODE.matcher(receipt.body());
		assertThat(code.find()).as(receipt.body()).isTrue();
		String id = jdbc.sql("select id::text from support_request where channel = 'PUBLIC_FORM' order by created_at desc limit 1")
			.query(String.class)
			.single();
		String reference = jdbc.sql("select reference from support_request where id = ?::uuid").param(id).query(String.class).single();
		return new Filed(id, reference, code.group(1).strip());
	}
}
