package nl.weerbaar.intake;

import java.util.Map;
import java.util.UUID;

import nl.weerbaar.cases.CaseFixtures;
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

/**
 * A home-front member's request is theirs: the office holder's account sees it, and its case, only while the member
 * shares it. Over real HTTP, with the member's own client account linked to their registry record.
 */
@WebTest
class HomeFrontSharingTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private CaseFixtures fixtures;
	private WebSession officeHolder;
	private WebSession member;
	private UUID officeHolderId;
	private UUID memberId;

	@BeforeEach
	void setUp() {
		fixtures = new CaseFixtures(context, port);
		TestAccount holderAccount = new TestAccounts(context).create(Role.CLIENT);
		officeHolderId = fixtures.officeHolder(holderAccount.id());
		TestAccount memberAccount = new TestAccounts(context).create(Role.CLIENT);
		Response added = fixtures.coordinator.postJson("/api/v1/office-holders/" + officeHolderId + "/home-front",
				"{\"relation\": \"PARTNER\", \"name\": \"Partner " + CaseFixtures.tag() + "\"}");
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		memberId = UUID.fromString(read(added).get("id").asString());
		jdbc.sql("update home_front_member set account_id = ? where id = ?").params(memberAccount.id(), memberId).update();
		officeHolder = fixtures.session(holderAccount);
		member = fixtures.session(memberAccount);
	}

	@Test
	void aMembersOwnRequestIsHiddenFromTheOfficeHolderUntilTheyShareItAndAgainWhenTheyStop() {
		Response filed = member.postJson("/api/v1/support-requests", """
				{"summary": "Thuis is het niet veilig, ik wil dit eerst zelf bespreken",
				 "incidents": [{"occurredOn": "2026-11-20", "kind": "INTIMIDATION_AT_HOME", "channel": "IN_PERSON"}]}""");
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		JsonNode request = read(filed);
		String id = request.get("id").asString();
		assertThat(request.get("subjectKind").asString()).isEqualTo("HOME_FRONT");
		assertThat(request.get("subjectId").asString()).isEqualTo(memberId.toString());
		assertThat(request.get("sharedWithOfficeHolder").asBoolean()).as("not shared unless asked").isFalse();

		assertHidden(id, request.get("reference").asString());
		assertThat(member.get("/api/v1/support-requests/" + id).status()).isEqualTo(200);
		Response export = fixtures.coordinator.get("/api/v1/subjects/" + officeHolderId + "/export");
		assertThat(export.status()).as(export.body()).isEqualTo(200);
		assertThat(export.body()).as("nor in the office holder's data export").doesNotContain("Thuis is het niet veilig");
		assertThat(fixtures.coordinator.get("/api/v1/subjects/" + memberId + "/export").body()).contains("Thuis is het niet veilig");
		assertThat(officeHolder.putJson("/api/v1/support-requests/" + id + "/sharing", "{\"sharedWithOfficeHolder\": true}").status())
			.as("the office holder cannot share it with themselves").isEqualTo(404);
		assertHidden(id, request.get("reference").asString());

		Response shared = member.putJson("/api/v1/support-requests/" + id + "/sharing", "{\"sharedWithOfficeHolder\": true}");
		assertThat(shared.status()).as(shared.body()).isEqualTo(200);
		assertThat(read(shared).get("sharedWithOfficeHolder").asBoolean()).isTrue();
		assertVisible(id, request.get("reference").asString());

		assertThat(member.putJson("/api/v1/support-requests/" + id + "/sharing", "{\"sharedWithOfficeHolder\": false}").status())
			.isEqualTo(200);
		assertHidden(id, request.get("reference").asString());
		assertThat(member.putJson("/api/v1/support-requests/" + id + "/sharing", "{}").status()).isEqualTo(400);
		assertThat(count("select count(*) from audit_event where object_id = ? and action in ('REQUEST_SHARED', 'REQUEST_UNSHARED')", id))
			.isEqualTo(2);
	}

	@Test
	void aMemberSharesWhenFilingOnTheirFormAndChangesItOnTheirRequestPage() {
		member.get("/my/requests/new");
		Response filed = member.post("/my/requests", Map.of("subjectId", memberId.toString(), "summary", "Ik word nagelopen",
				"occurredOn", "2026-11-21", "kind", "STALKING", "incidentChannel", "IN_PERSON", "sharedWithOfficeHolder", "true"));
		assertThat(filed.status()).as(filed.body()).isEqualTo(302);
		String id = filed.location().replaceFirst(".*/my/requests/", "");
		String reference = read(member.get("/api/v1/support-requests/" + id)).get("reference").asString();
		assertVisible(id, reference);

		Response page = member.get("/my/requests/" + id);
		assertThat(page.body()).contains("Niet meer delen");
		assertThat(officeHolder.get("/my/requests/" + id).body()).as("the office holder sees no sharing switch")
			.doesNotContain("Niet meer delen");
		assertThat(member.post("/my/requests/" + id + "/sharing", Map.of("shared", "false")).status()).isEqualTo(302);
		assertHidden(id, reference);
		assertThat(member.get("/my/requests/" + id).body()).contains("Delen met de ambtsdrager in mijn gezin");
	}

	@Test
	void theCaseOfAMembersRequestFollowsTheirChoiceAtOnce() {
		SupporterAt supporter = fixtures.supporter("PV26");
		OpenCase open = fixtures.openCase(supporter, memberId, "LOW");
		String caseId = open.caseId().toString();
		String requestId = open.requestId().toString();
		assertThat(read(member.get("/api/v1/cases")).valueStream().map(c -> c.get("id").asString())).contains(caseId);

		assertThat(read(officeHolder.get("/api/v1/cases")).valueStream().map(c -> c.get("id").asString())).doesNotContain(caseId);
		assertThat(officeHolder.get("/api/v1/cases/" + caseId).status()).isEqualTo(404);
		assertThat(officeHolder.get("/my/cases/" + caseId).status()).isEqualTo(404);
		assertThat(officeHolder.get("/my/cases/" + caseId + "/referrals").status()).isEqualTo(404);
		assertThat(officeHolder.get("/api/v1/support-requests/" + requestId).status()).isEqualTo(404);

		assertThat(member.putJson("/api/v1/support-requests/" + requestId + "/sharing", "{\"sharedWithOfficeHolder\": true}").status())
			.isEqualTo(200);
		assertThat(read(officeHolder.get("/api/v1/cases")).valueStream().map(c -> c.get("id").asString())).contains(caseId);
		assertThat(officeHolder.get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
		assertThat(officeHolder.get("/my/cases/" + caseId).status()).isEqualTo(200);

		assertThat(member.putJson("/api/v1/support-requests/" + requestId + "/sharing", "{\"sharedWithOfficeHolder\": false}").status())
			.isEqualTo(200);
		assertThat(officeHolder.get("/api/v1/cases/" + caseId).status()).isEqualTo(404);
		assertThat(read(fixtures.coordinator.get("/api/v1/cases")).valueStream().map(c -> c.get("id").asString()))
			.as("coordinators see all as before").contains(caseId);
	}

	@Test
	void theCaseOfAnUnsharedMembersRequestStaysOutOfTheOfficeHoldersExport() {
		SupporterAt supporter = fixtures.supporter("PV26");
		OpenCase open = fixtures.openCase(supporter, memberId, "LOW");
		String caseId = open.caseId().toString();

		Response export = fixtures.coordinator.get("/api/v1/subjects/" + officeHolderId + "/export");
		assertThat(export.status()).as(export.body()).isEqualTo(200);
		assertThat(export.body()).as("no case of the member's in the office holder's export").doesNotContain(caseId);
		assertThat(fixtures.coordinator.get("/api/v1/subjects/" + memberId + "/export").body()).contains(caseId);

		assertThat(member.putJson("/api/v1/support-requests/" + open.requestId() + "/sharing",
				"{\"sharedWithOfficeHolder\": true}").status()).isEqualTo(200);
		assertThat(fixtures.coordinator.get("/api/v1/subjects/" + officeHolderId + "/export").body())
			.as("while shared, it is").contains(caseId);
	}

	@Test
	void sharingLetsTheOfficeHolderSeeTheMembersCaseNotGiveOrWithdrawConsentForThem() {
		SupporterAt supporter = fixtures.supporter("PV26");
		OpenCase open = fixtures.openCase(supporter, memberId, "LOW");
		assertThat(member.putJson("/api/v1/support-requests/" + open.requestId() + "/sharing",
				"{\"sharedWithOfficeHolder\": true}").status()).isEqualTo(200);
		String base = "/api/v1/cases/" + open.caseId() + "/consents";
		String ccv = jdbc.sql("select id::text from partner where code = 'CCV'").query(String.class).single();
		String online = "{\"partnerId\": \"" + ccv + "\", \"fields\": [\"NAME\"], \"how\": \"BY_CLIENT_ONLINE\"}";
		assertThat(officeHolder.get(base).status()).as("the office holder sees it").isEqualTo(200);

		Response byHolder = officeHolder.postJson(base, online);
		assertThat(byHolder.status()).as(byHolder.body()).isEqualTo(404);
		assertThat(count("select count(*) from consent where case_id = ?", open.caseId())).isZero();

		Response byMember = member.postJson(base, online);
		assertThat(byMember.status()).as(byMember.body()).isEqualTo(201);
		String consent = read(byMember).get("id").asString();
		assertThat(officeHolder.postJson(base + "/" + consent + "/withdrawal", "{}").status()).isEqualTo(404);
		assertThat(count("select count(*) from consent where case_id = ? and withdrawn_at is null", open.caseId()))
			.isEqualTo(1);
	}

	@Test
	void whatTheOfficeHolderFiledForTheirPartnerTheyKeepSeeingAndACoordinatorMaySetSharingOnTheMembersWord() {
		Response filed = officeHolder.postJson("/api/v1/support-requests", """
				{"subjectId": "%s", "summary": "Mijn partner wordt gevolgd",
				 "incidents": [{"occurredOn": "2026-11-22", "kind": "STALKING", "channel": "IN_PERSON", "homeFrontInvolved": true}]}"""
			.formatted(memberId));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		String byHolder = read(filed).get("id").asString();
		assertThat(officeHolder.get("/api/v1/support-requests/" + byHolder).status()).as("the filer sees what they filed").isEqualTo(200);
		assertThat(member.get("/api/v1/support-requests/" + byHolder).status()).as("and so does the member").isEqualTo(200);

		Response byPhone = fixtures.coordinator.postJson("/api/v1/support-requests", """
				{"subjectId": "%s", "channel": "PHONE", "summary": "Belt zelf, wil het gedeeld", "sharedWithOfficeHolder": true,
				 "incidents": [{"occurredOn": "2026-11-22", "kind": "VERBAL_THREAT", "channel": "PHONE"}]}""".formatted(memberId));
		assertThat(byPhone.status()).as(byPhone.body()).isEqualTo(201);
		String phoned = read(byPhone).get("id").asString();
		assertVisible(phoned, read(byPhone).get("reference").asString());
		assertThat(fixtures.coordinator.putJson("/api/v1/support-requests/" + phoned + "/sharing", "{\"sharedWithOfficeHolder\": false}")
			.status()).isEqualTo(200);
		assertHidden(phoned, read(byPhone).get("reference").asString());

		Response own = officeHolder.postJson("/api/v1/support-requests", """
				{"summary": "Over mijzelf", "incidents": [{"occurredOn": "2026-11-22", "kind": "ONLINE_ABUSE", "channel": "SOCIAL_MEDIA"}]}""");
		assertThat(fixtures.coordinator.putJson("/api/v1/support-requests/" + read(own).get("id").asString() + "/sharing",
				"{\"sharedWithOfficeHolder\": true}").status()).as("only a home-front member's request is shared").isEqualTo(409);
	}

	private void assertHidden(String id, String reference) {
		assertThat(officeHolder.get("/api/v1/support-requests/" + id).status()).isEqualTo(404);
		assertThat(officeHolder.get("/my/requests/" + id).status()).isEqualTo(404);
		assertThat(read(officeHolder.get("/api/v1/support-requests")).get("content").valueStream().map(r -> r.get("id").asString()))
			.doesNotContain(id);
		assertThat(officeHolder.get("/my/requests").body()).doesNotContain(reference);
	}

	private void assertVisible(String id, String reference) {
		assertThat(officeHolder.get("/api/v1/support-requests/" + id).status()).isEqualTo(200);
		assertThat(officeHolder.get("/my/requests/" + id).status()).isEqualTo(200);
		assertThat(read(officeHolder.get("/api/v1/support-requests")).get("content").valueStream().map(r -> r.get("id").asString()))
			.contains(id);
		assertThat(officeHolder.get("/my/requests").body()).contains(reference);
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}
}
