package nl.weerbaar.network;

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

/** Partner websites are https only, partner users are PARTNER accounts, and online consent is the client's own. */
@WebTest
class PartnerAndConsentRulesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private CaseFixtures fixtures;
	private WebSession admin;

	@BeforeEach
	void setUp() {
		fixtures = new CaseFixtures(context, port);
		admin = fixtures.session(new TestAccounts(context).create(Role.ADMIN));
	}

	@Test
	void aPartnerWebsiteIsAnHttpsAddressOnly() {
		for (String website : new String[] { "http://www.ccv.nl", "javascript:alert(1)", "www.ccv.nl", "https://", "https://x@evil.example" }) {
			String code = "P" + CaseFixtures.tag().toUpperCase();
			Response refused = admin.postJson("/api/v1/partners", partnerJson(code, website));
			assertThat(refused.status()).as(website + ": " + refused.body()).isEqualTo(400);
			assertThat(refused.body()).contains("\"field\":\"website\"").contains("network.partner.website.https");
			assertThat(jdbc.sql("select count(*) from partner where code = ?").param(code).query(Long.class).single()).isZero();
		}
		Response saved = admin.postJson("/api/v1/partners", partnerJson("P" + CaseFixtures.tag().toUpperCase(), "https://www.hetccv.nl/woningscan"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(201);
		String id = read(saved).get("id").asString();
		Response changed = admin.putJson("/api/v1/partners/" + id, partnerJson(read(saved).get("code").asString(), "http://www.hetccv.nl"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(400);
	}

	@Test
	void onlyAPartnerAccountIsLinkedToAPartnerOrganisation() {
		String ccv = jdbc.sql("select id::text from partner where code = 'CCV'").query(String.class).single();
		TestAccount client = new TestAccounts(context).create(Role.CLIENT);
		Response refusedWithToken = admin.putJson("/api/v1/partners/" + ccv + "/members/" + client.id(), "{}");
		assertThat(refusedWithToken.status()).as(refusedWithToken.body()).isEqualTo(400);
		assertThat(refusedWithToken.body()).contains("network.member.notPartner");
		TestAccount partner = new TestAccounts(context).create(Role.PARTNER);
		assertThat(admin.putJson("/api/v1/partners/" + ccv + "/members/" + partner.id(), "{}").status()).isEqualTo(200);
	}

	@Test
	void onlineConsentIsRecordedByTheClientThemselvesNeverByStaff() {
		SupporterAt supporter = fixtures.supporter("PV23");
		TestAccount clientAccount = new TestAccounts(context).create(Role.CLIENT);
		OpenCase open = fixtures.openCase(supporter, fixtures.officeHolder(clientAccount.id()), "LOW");
		String base = "/api/v1/cases/" + open.caseId() + "/consents";
		String ccv = jdbc.sql("select id::text from partner where code = 'CCV'").query(String.class).single();
		String online = "{\"partnerId\": \"" + ccv + "\", \"fields\": [\"NAME\"], \"givenOn\": \"2026-11-20\", \"how\": \"BY_CLIENT_ONLINE\"}";

		for (WebSession staff : new WebSession[] { supporter.session(), fixtures.coordinator }) {
			Response refused = staff.postJson(base, online);
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
			assertThat(refused.body()).contains("\"field\":\"how\"").contains("network.consent.onlineByClientOnly");
		}
		assertThat(jdbc.sql("select count(*) from consent where case_id = ?").param(open.caseId()).query(Long.class).single()).isZero();

		WebSession client = fixtures.session(clientAccount);
		Response verbal = client.postJson(base, online.replace("BY_CLIENT_ONLINE", "VERBAL"));
		assertThat(verbal.status()).as("a client does not record a verbal consent").isEqualTo(400);
		Response given = client.postJson(base, online);
		assertThat(given.status()).as(given.body()).isEqualTo(201);
		JsonNode consent = read(given);
		assertThat(consent.get("how").asString()).isEqualTo("BY_CLIENT_ONLINE");
		assertThat(consent.get("recordedByRole").asString()).isEqualTo("CLIENT");
		assertThat(fixtures.session(new TestAccounts(context).create(Role.CLIENT)).postJson(base, online).status())
			.as("another client's case").isEqualTo(404);
		assertThat(UUID.fromString(consent.get("partnerId").asString()).toString()).isEqualTo(ccv);
	}

	private static String partnerJson(String code, String website) {
		return """
				{"code": "%s", "name": "Partner %s", "description": "Test", "services": ["Advies"], "instruments": ["OTHER"],
				 "website": "%s", "active": true}""".formatted(code, code, website);
	}
}
