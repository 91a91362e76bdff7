package nl.weerbaar.cases;

import java.util.List;
import java.util.UUID;

import nl.weerbaar.cases.CaseFixtures.OpenCase;
import nl.weerbaar.cases.CaseFixtures.SupporterAt;
import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
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
import tools.jackson.databind.JsonNode;

import static nl.weerbaar.cases.CaseFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/** The supporter's workspace over real HTTP: own cases only, the timeline, transfer, closure and evaluation. */
@WebTest
class CaseApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private CaseFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new CaseFixtures(context, port);
	}

	@Test
	void aSupporterSeesOnlyTheirOwnCasesByWhatIsDueFirst() {
		SupporterAt a = fixtures.supporter("PV26");
		SupporterAt b = fixtures.supporter("PV26");
		OpenCase later = fixtures.openCase(a, fixtures.officeHolder(null), "LOW");
		OpenCase sooner = fixtures.openCase(a, fixtures.officeHolder(null), "HIGH");
		OpenCase others = fixtures.openCase(b, fixtures.officeHolder(null), "HIGH");

		JsonNode mine = read(a.session().get("/api/v1/cases"));
		assertThat(mine.valueStream().map(c -> c.get("id").asString())).containsExactly(sooner.caseId().toString(), later.caseId().toString());
		assertThat(mine.get(0).get("supportRequestId").asString()).isEqualTo(sooner.requestId().toString());
		assertThat(mine.get(0).get("nextDue").get("kind").asString()).isEqualTo("FIRST_CONTACT");
		assertThat(read(fixtures.coordinator.get("/api/v1/cases")).valueStream().map(c -> c.get("id").asString()))
			.contains(later.caseId().toString(), sooner.caseId().toString(), others.caseId().toString());
		assertThat(read(a.session().get("/api/v1/cases/" + sooner.caseId())).get("supportRequestId").asString())
			.isEqualTo(sooner.requestId().toString());
		WebSession analyst = fixtures.session(new TestAccounts(context).create(Role.ANALYST));
		assertThat(analyst.get("/api/v1/cases").status()).isEqualTo(403);
	}

	@Test
	void anotherSupportersCaseContactActionAndReferralAnswer404AndTheAttemptIsAudited() {
		SupporterAt a = fixtures.supporter("PV27");
		SupporterAt b = fixtures.supporter("PV27");
		OpenCase theirs = fixtures.openCase(a, fixtures.officeHolder(null), "MODERATE");
		OpenCase own = fixtures.openCase(b, fixtures.officeHolder(null), "MODERATE");
		String contact = read(a.session().postJson("/api/v1/cases/" + theirs.caseId() + "/contacts",
				"{\"mode\": \"PHONE\", \"minutes\": 20, \"note\": \"Gesprek over de dreiging\"}")).get("id").asString();
		String action = read(a.session().postJson("/api/v1/cases/" + theirs.caseId() + "/actions",
				"{\"what\": \"Woningscan aanvragen\", \"who\": \"SUPPORTER\"}")).get("id").asString();
		String referral = read(fixtures.coordinator.postJson("/api/v1/cases/" + theirs.caseId() + "/referrals",
				"{\"partnerId\": \"" + partner("CCV") + "\", \"instrument\": \"HOME_SECURITY_SCAN\", \"fields\": [\"NAME\"],"
						+ " \"overrideReason\": \"Acuut, cliënt onbereikbaar\"}")).get("id").asString();
		String base = "/api/v1/cases/" + theirs.caseId();
		assertThat(a.session().get(base + "/contacts/" + contact).status()).as("the owner reads it").isEqualTo(200);

		WebSession stranger = b.session();
		List<String> paths = List.of(base, base + "/contacts/" + contact, base + "/actions/" + action, base + "/referrals/" + referral,
				base + "/referrals", base + "/consents", "/cases/" + theirs.caseId(), "/cases/" + theirs.caseId() + "/referrals",
				"/cases/" + theirs.caseId() + "/referrals/" + referral);
		for (String path : paths) {
			assertThat(stranger.get(path).status()).as(path).isEqualTo(404);
		}
		for (String path : List.of("/cases/" + theirs.caseId() + "/contacts/" + contact, "/cases/" + theirs.caseId() + "/actions/" + action,
				"/cases/" + theirs.caseId() + "/referrals/" + referral)) {
			assertThat(stranger.getFragment(path).status()).as("htmx " + path).isEqualTo(404);
		}
		// their own case's id with someone else's contact, action or referral
		String ownBase = "/api/v1/cases/" + own.caseId();
		assertThat(stranger.get(ownBase + "/contacts/" + contact).status()).isEqualTo(404);
		assertThat(stranger.get(ownBase + "/actions/" + action).status()).isEqualTo(404);
		assertThat(stranger.get(ownBase + "/referrals/" + referral).status()).isEqualTo(404);
		assertThat(stranger.putJson(base + "/actions/" + action + "/done", "{\"done\": true}").status()).isEqualTo(404);
		assertThat(stranger.postJson(base + "/contacts", "{\"mode\": \"PHONE\"}").status()).isEqualTo(404);

		assertThat(denied(b, "CASE", theirs.caseId().toString())).isGreaterThanOrEqualTo(3);
		assertThat(denied(b, "CONTACT", contact)).isGreaterThanOrEqualTo(3);
		assertThat(denied(b, "ACTION", action)).isGreaterThanOrEqualTo(3);
		assertThat(denied(b, "REFERRAL", referral)).isGreaterThanOrEqualTo(3);
		assertThat(count("select count(*) from case_contact where case_id = ?", theirs.caseId())).as("nothing was added").isEqualTo(1);
	}

	@Test
	void theFirstContactEndsTheIntakeDeadlineAndEveryStepIsOnTheTimeline() {
		SupporterAt a = fixtures.supporter("PV28");
		OpenCase open = fixtures.openCase(a, fixtures.officeHolder(null), "HIGH");
		String base = "/api/v1/cases/" + open.caseId();
		assertThat(read(a.session().get(base)).get("requestStatus").asString()).isEqualTo("ASSIGNED");

		Response bad = a.session().postJson(base + "/contacts", "{\"mode\": \"TELEPATHY\"}");
		assertThat(bad.status()).isEqualTo(400);
		Response future = a.session().postJson(base + "/contacts", "{\"mode\": \"PHONE\", \"occurredAt\": \"2099-01-01T10:00:00Z\", \"minutes\": 5000}");
		assertThat(future.status()).isEqualTo(400);
		assertThat(read(future).get("errors").valueStream().map(e -> e.get("field").asString())).contains("occurredAt", "minutes");

		Response contact = a.session().postJson(base + "/contacts", "{\"mode\": \"VIDEO\", \"minutes\": 45, \"note\": \"Geheime notitie 7731\"}");
		assertThat(contact.status()).as(contact.body()).isEqualTo(201);
		Response action = a.session().postJson(base + "/actions", "{\"what\": \"Aangifte voorbereiden\", \"who\": \"CLIENT\", \"dueOn\": \"2099-01-02\"}");
		assertThat(action.status()).as(action.body()).isEqualTo(201);
		Response done = a.session().putJson(base + "/actions/" + read(action).get("id").asString() + "/done", "{\"done\": true}");
		assertThat(read(done).get("done").asBoolean()).isTrue();
		assertThat(a.session().putJson(base + "/follow-up", "{\"on\": \"2099-02-01\"}").status()).isEqualTo(200);
		assertThat(a.session().putJson(base + "/follow-up", "{\"on\": \"2001-02-01\"}").status()).isEqualTo(400);

		JsonNode view = read(a.session().get(base));
		assertThat(view.get("requestStatus").asString()).isEqualTo("ACTIVE");
		assertThat(view.get("firstContactAt").isNull()).isFalse();
		assertThat(view.get("overdue").asBoolean()).isFalse();
		assertThat(view.get("nextDue").get("kind").asString()).isEqualTo("FOLLOW_UP");
		assertThat(view.get("timeline").valueStream().map(t -> t.get("kind").asString()))
			.contains("OPENED", "CONTACT", "ACTION_AGREED", "ACTION_DONE", "FOLLOW_UP_SET", "STATUS");
		assertThat(view.get("timeline").valueStream().filter(t -> t.get("kind").asString().equals("STATUS"))
			.map(t -> t.get("detail").asString())).contains("ASSIGNED → ACTIVE");
		assertThat(read(fixtures.coordinator.get("/api/v1/support-requests/" + open.requestId())).get("overdue").asBoolean()).isFalse();
		byte[] stored = jdbc.sql("select note from case_contact where case_id = ?").param(open.caseId()).query(byte[].class).single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("7731");
		assertThat(count("select count(*) from audit_event where action = 'READ_CASE' and object_id = ? and result = 'ALLOWED'",
				open.caseId().toString())).isPositive();
	}

	@Test
	void aTransferMovesTheCaseAndThePreviousSupporterLosesAccessAtOnce() {
		SupporterAt a = fixtures.supporter("PV29");
		SupporterAt c = fixtures.supporter("PV29");
		OpenCase open = fixtures.openCase(a, fixtures.officeHolder(null), "MODERATE");
		String base = "/api/v1/cases/" + open.caseId();
		assertThat(a.session().get(base).status()).isEqualTo(200);

		Response noReason = fixtures.coordinator.postJson(base + "/transfer", "{\"supporterId\": \"" + c.supporterId() + "\"}");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(a.session().get(base).status()).as("nothing changed").isEqualTo(200);
		assertThat(a.session().postJson(base + "/transfer", "{\"supporterId\": \"" + c.supporterId() + "\", \"reason\": \"x\"}").status())
			.as("only coordinators transfer").isEqualTo(403);

		Response moved = fixtures.coordinator.postJson(base + "/transfer",
				"{\"supporterId\": \"" + c.supporterId() + "\", \"reason\": \"Langdurig afwezig\"}");
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(read(moved).get("supporterId").asString()).isEqualTo(c.supporterId().toString());
		assertThat(a.session().get(base).status()).isEqualTo(404);
		assertThat(a.session().get("/api/v1/support-requests/" + open.requestId()).status()).isEqualTo(404);
		assertThat(read(a.session().get("/api/v1/cases")).valueStream().map(x -> x.get("id").asString()))
			.doesNotContain(open.caseId().toString());
		JsonNode now = read(c.session().get(base));
		assertThat(now.get("timeline").valueStream().filter(t -> t.get("kind").asString().equals("TRANSFERRED"))
			.map(t -> t.get("detail").asString())).contains("Langdurig afwezig");
		assertThat(c.session().get("/api/v1/support-requests/" + open.requestId()).status()).isEqualTo(200);
		assertThat(count("select count(*) from assignment where request_id = ? and status = 'ACCEPTED'", open.requestId())).isEqualTo(1);
	}

	@Test
	void closingNeedsAReasonAndTheClientEvaluatesOnce() {
		SupporterAt a = fixtures.supporter("PV30");
		TestAccount client = new TestAccounts(context).create(Role.CLIENT);
		OpenCase open = fixtures.openCase(a, fixtures.officeHolder(client.id()), "LOW");
		String base = "/api/v1/cases/" + open.caseId();
		WebSession clientSession = fixtures.session(client);
		JsonNode clientView = read(clientSession.get(base));
		assertThat(clientView.get("supporterFirstName").asString()).isEqualTo("Steun");
		assertThat(clientView.has("contacts")).as("no notes for the client").isFalse();
		assertThat(clientSession.postJson(base + "/evaluation", "{\"satisfaction\": 5, \"wouldRecommend\": true}").status())
			.as("not before closing").isEqualTo(409);

		Response noReason = a.session().postJson(base + "/closure", "{\"summary\": \"Klaar\"}");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(read(a.session().get(base)).get("status").asString()).isEqualTo("OPEN");
		Response closed = a.session().postJson(base + "/closure", "{\"reason\": \"RESOLVED\", \"summary\": \"Woningscan gedaan, weer rust\"}");
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		assertThat(read(closed).get("requestStatus").asString()).isEqualTo("CLOSED");
		assertThat(a.session().postJson(base + "/contacts", "{\"mode\": \"PHONE\"}").status()).isEqualTo(409);

		assertThat(read(clientSession.get("/api/v1/cases")).valueStream().map(x -> x.get("id").asString())).contains(open.caseId().toString());
		assertThat(read(clientSession.get(base)).get("evaluationInvited").asBoolean()).isTrue();
		assertThat(clientSession.postJson(base + "/evaluation", "{\"satisfaction\": 7, \"wouldRecommend\": true}").status()).isEqualTo(400);
		Response evaluated = clientSession.postJson(base + "/evaluation",
				"{\"satisfaction\": 4, \"wouldRecommend\": true, \"comment\": \"Fijn gesprek 5521\"}");
		assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
		assertThat(clientSession.postJson(base + "/evaluation", "{\"satisfaction\": 4, \"wouldRecommend\": true}").status()).isEqualTo(409);
		JsonNode seen = read(fixtures.coordinator.get(base)).get("evaluation");
		assertThat(seen.get("satisfaction").asInt()).isEqualTo(4);
		assertThat(seen.get("comment").asString()).isEqualTo("Fijn gesprek 5521");
		byte[] stored = jdbc.sql("select comment from case_evaluation where case_id = ?").param(open.caseId()).query(byte[].class).single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("5521");

		JsonNode export = read(fixtures.coordinator.get("/api/v1/subjects/" + open.officeHolderId() + "/export"));
		assertThat(export.toString()).as("the person's export holds their case and its evaluation, opened")
			.contains("Woningscan gedaan, weer rust").contains("Fijn gesprek 5521");

		WebSession otherClient = fixtures.session(new TestAccounts(context).create(Role.CLIENT));
		assertThat(otherClient.get(base).status()).isEqualTo(404);
		assertThat(otherClient.get("/my/cases/" + open.caseId()).status()).isEqualTo(404);
	}

	@Test
	void aHomeFrontMemberSeesTheirOwnCaseOnly() {
		SupporterAt a = fixtures.supporter("PV31");
		TestAccount holderAccount = new TestAccounts(context).create(Role.CLIENT);
		UUID holder = fixtures.officeHolder(holderAccount.id());
		TestAccount partnerAccount = new TestAccounts(context).create(Role.CLIENT);
		Response member = fixtures.coordinator.postJson("/api/v1/office-holders/" + holder + "/home-front",
				"{\"relation\": \"PARTNER\", \"name\": \"Partner " + CaseFixtures.tag() + "\"}");
		assertThat(member.status()).as(member.body()).isEqualTo(201);
		UUID memberId = UUID.fromString(read(member).get("id").asString());
		jdbc.sql("update home_front_member set account_id = ? where id = ?").params(partnerAccount.id(), memberId).update();
		OpenCase holderCase = fixtures.openCase(a, holder, "LOW");
		OpenCase memberCase = fixtures.openCase(a, memberId, "LOW");

		WebSession partner = fixtures.session(partnerAccount);
		assertThat(read(partner.get("/api/v1/cases")).valueStream().map(c -> c.get("id").asString()))
			.containsExactly(memberCase.caseId().toString());
		assertThat(partner.get("/api/v1/cases/" + memberCase.caseId()).status()).isEqualTo(200);
		assertThat(partner.get("/api/v1/cases/" + holderCase.caseId()).status()).isEqualTo(404);
	}

	private String partner(String code) {
		return jdbc.sql("select id from partner where code = ?").param(code).query(UUID.class).single().toString();
	}

	private long denied(SupporterAt who, String type, String object) {
		return count("select count(*) from audit_event where actor_id = ? and object_type = ? and object_id = ? and result = 'DENIED'",
				who.account().id(), type, object);
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}
}
