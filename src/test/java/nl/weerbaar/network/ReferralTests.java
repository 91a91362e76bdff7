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

/** The consent gate and its override, the partner portal's limits, and withdrawing consent, over real HTTP. */
@WebTest
class ReferralTests {

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
	void aReferralNeedsConsentForThatPartnerAndThoseFieldsUnlessACoordinatorOverridesWithAReason() {
		SupporterAt supporter = fixtures.supporter("PV20");
		OpenCase open = fixtures.openCase(supporter, fixtures.officeHolder(null), "MODERATE");
		String base = "/api/v1/cases/" + open.caseId();
		String ccv = partner("CCV");
		String scan = "{\"partnerId\": \"" + ccv + "\", \"instrument\": \"HOME_SECURITY_SCAN\", \"fields\": [\"NAME\", \"PHONE\"]%s}";

		Response refused = supporter.session().postJson(base + "/referrals", scan.formatted(""));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(codes(refused)).containsExactly("network.referral.noConsent");
		assertThat(codes(supporter.session().postJson(base + "/referrals", scan.formatted(", \"overrideReason\": \"Haast\""))))
			.as("only a coordinator overrides").containsExactly("network.referral.overrideByCoordinator");
		assertThat(count("select count(*) from referral where case_id = ?", open.caseId())).as("nothing was sent").isZero();

		Response overridden = fixtures.coordinator.postJson(base + "/referrals",
				scan.formatted(", \"overrideReason\": \"Acute dreiging, cliënt onbereikbaar\""));
		assertThat(overridden.status()).as(overridden.body()).isEqualTo(201);
		assertThat(read(overridden).get("overridden").asBoolean()).isTrue();
		assertThat(count("select count(*) from audit_event where action = 'REFERRAL_SENT_WITHOUT_CONSENT' and object_id = ?",
				read(overridden).get("id").asString())).isEqualTo(1);
		JsonNode shown = read(supporter.session().get(base + "/referrals")).get(0);
		assertThat(shown.get("overrideReason").asString()).isEqualTo("Acute dreiging, cliënt onbereikbaar");

		Response badConsent = supporter.session().postJson(base + "/consents",
				"{\"partnerId\": \"" + ccv + "\", \"fields\": [], \"givenOn\": \"2099-01-01\"}");
		assertThat(badConsent.status()).isEqualTo(400);
		assertThat(read(badConsent).get("errors").valueStream().map(e -> e.get("field").asString())).contains("fields", "givenOn", "how");
		Response consent = supporter.session().postJson(base + "/consents",
				"{\"partnerId\": \"" + ccv + "\", \"fields\": [\"NAME\", \"PHONE\"], \"givenOn\": \"2026-11-20\", \"how\": \"VERBAL\"}");
		assertThat(consent.status()).as(consent.body()).isEqualTo(201);
		Response sent = supporter.session().postJson(base + "/referrals", scan.formatted(""));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		assertThat(read(sent).get("consentId").asString()).isEqualTo(read(consent).get("id").asString());
		Response beyond = supporter.session().postJson(base + "/referrals",
				"{\"partnerId\": \"" + ccv + "\", \"instrument\": \"HOME_SECURITY_SCAN\", \"fields\": [\"NAME\", \"EMAIL\"]}");
		assertThat(codes(beyond)).as("a field the client did not consent to").containsExactly("network.referral.noConsent");
		Response otherPartner = supporter.session().postJson(base + "/referrals",
				"{\"partnerId\": \"" + partner("DJI") + "\", \"instrument\": \"TRAINING\", \"fields\": [\"NAME\"]}");
		assertThat(codes(otherPartner)).as("consent is per partner").containsExactly("network.referral.noConsent");
	}

	@Test
	void aPartnerSeesOnlyItsOwnReferralsWithOnlyTheConsentedFieldsAndAnswersThem() {
		SupporterAt supporter = fixtures.supporter("PV21");
		OpenCase open = fixtures.openCase(supporter, fixtures.officeHolder(null), "MODERATE");
		String base = "/api/v1/cases/" + open.caseId();
		String ccvReferral = referWithConsent(supporter, base, partner("CCV"), "HOME_SECURITY_SCAN", "\"NAME\", \"PHONE\", \"NOTE\"");
		String djiReferral = referWithConsent(supporter, base, partner("DJI"), "TRAINING", "\"NAME\", \"EMAIL\"");
		WebSession ccv = partnerUser("CCV");
		WebSession dji = partnerUser("DJI");

		assertThat(read(ccv.get("/api/v1/referrals")).valueStream().map(r -> r.get("id").asString()))
			.contains(ccvReferral).doesNotContain(djiReferral);
		JsonNode seen = read(ccv.get("/api/v1/referrals/" + ccvReferral));
		assertThat(seen.get("shared").propertyNames()).containsExactlyInAnyOrder("NAME", "PHONE", "NOTE");
		assertThat(seen.get("shared").get("NAME").asString()).startsWith("Wethouder ");
		assertThat(seen.get("shared").get("NOTE").asString()).isEqualTo("Graag bellen na vijven");
		assertThat(seen.toString()).doesNotContain("wethouder-").as("no e-mail address without consent");
		assertThat(seen.toString()).doesNotContain("Bedreigd na de raadsvergadering").as("never the request's summary");
		JsonNode djiSeen = read(dji.get("/api/v1/referrals/" + djiReferral));
		assertThat(djiSeen.get("shared").propertyNames()).containsExactlyInAnyOrder("NAME", "EMAIL");

		assertThat(ccv.get("/api/v1/referrals/" + djiReferral).status()).isEqualTo(404);
		assertThat(ccv.get("/partner/referrals/" + djiReferral).status()).isEqualTo(404);
		assertThat(ccv.postJson("/api/v1/referrals/" + djiReferral + "/status", "{\"status\": \"ACCEPTED\"}").status()).isEqualTo(404);
		assertThat(count("select count(*) from audit_event where action = 'READ_REFERRAL' and object_id = ? and result = 'DENIED'",
				djiReferral)).isGreaterThanOrEqualTo(3);
		assertThat(ccv.get(base).status()).as("a partner never sees the case").isEqualTo(403);

		Response accepted = ccv.postJson("/api/v1/referrals/" + ccvReferral + "/status", "{\"status\": \"ACCEPTED\", \"message\": \"Scan gepland\"}");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(ccv.postJson("/api/v1/referrals/" + ccvReferral + "/status", "{\"status\": \"SENT\"}").status()).isEqualTo(409);
		assertThat(ccv.postJson("/api/v1/referrals/" + ccvReferral + "/status", "{\"status\": \"NONSENSE\"}").status()).isEqualTo(400);
		JsonNode onCase = read(supporter.session().get(base + "/referrals/" + ccvReferral));
		assertThat(onCase.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(onCase.get("updates").valueStream().map(u -> u.get("message").asString())).contains("Scan gepland");
	}

	@Test
	void withdrawingConsentRevokesTheReferralsOnItAndWipesWhatThePartnerCouldSee() {
		SupporterAt supporter = fixtures.supporter("PV22");
		TestAccount clientAccount = new TestAccounts(context).create(Role.CLIENT);
		OpenCase open = fixtures.openCase(supporter, fixtures.officeHolder(clientAccount.id()), "LOW");
		String base = "/api/v1/cases/" + open.caseId();
		String referral = referWithConsent(supporter, base, partner("CCV"), "HOME_SECURITY_SCAN", "\"NAME\", \"PHONE\"");
		WebSession ccv = partnerUser("CCV");
		assertThat(read(ccv.get("/api/v1/referrals/" + referral)).get("shared").propertyNames()).contains("NAME");

		WebSession client = fixtures.session(clientAccount);
		JsonNode consents = read(client.get(base + "/consents"));
		assertThat(read(client.get(base + "/referrals")).get(0).get("status").asString()).isEqualTo("SENT");
		Response withdrawn = client.postJson(base + "/consents/" + consents.get(0).get("id").asString() + "/withdrawal", "{}");
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat(read(withdrawn).get("withdrawnAt").isNull()).isFalse();

		JsonNode after = read(ccv.get("/api/v1/referrals/" + referral));
		assertThat(after.get("status").asString()).isEqualTo("REVOKED");
		assertThat(after.get("sharedWithdrawn").asBoolean()).isTrue();
		assertThat(after.get("shared").isEmpty()).isTrue();
		assertThat(count("select count(*) from referral where id = ?::uuid and shared is null", referral)).isEqualTo(1);
		assertThat(read(client.get(base + "/referrals")).get(0).get("status").asString()).isEqualTo("REVOKED");
		assertThat(client.postJson(base + "/consents/" + consents.get(0).get("id").asString() + "/withdrawal", "{}").status())
			.isEqualTo(409);
		assertThat(client.postJson(base + "/referrals", "{}").status()).as("a client does not refer").isEqualTo(403);
	}

	private String referWithConsent(SupporterAt supporter, String base, String partnerId, String instrument, String fields) {
		Response consent = supporter.session().postJson(base + "/consents",
				"{\"partnerId\": \"" + partnerId + "\", \"fields\": [" + fields + "], \"givenOn\": \"2026-11-20\", \"how\": \"IN_WRITING\"}");
		assertThat(consent.status()).as(consent.body()).isEqualTo(201);
		Response sent = supporter.session().postJson(base + "/referrals", "{\"partnerId\": \"" + partnerId + "\", \"instrument\": \""
				+ instrument + "\", \"fields\": [" + fields + "], \"note\": \"Graag bellen na vijven\"}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		return read(sent).get("id").asString();
	}

	private WebSession partnerUser(String code) {
		TestAccount account = new TestAccounts(context).create(Role.PARTNER);
		jdbc.sql("insert into partner_member (account_id, partner_id) values (?, ?)").params(account.id(), UUID.fromString(partner(code))).update();
		return fixtures.session(account);
	}

	private String partner(String code) {
		return jdbc.sql("select id from partner where code = ?").param(code).query(UUID.class).single().toString();
	}

	private static java.util.List<String> codes(Response response) {
		return read(response).get("errors").valueStream().map(e -> e.get("code").asString()).toList();
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}
}
