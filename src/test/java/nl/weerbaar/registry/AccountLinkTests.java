package nl.weerbaar.registry;

import java.util.UUID;

import nl.weerbaar.cases.CaseFixtures;
import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession.Response;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static nl.weerbaar.cases.CaseFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account linked to a person sees what that person may see: only an account of the fitting role may be linked (a
 * client's for an office holder or a home-front member, a supporter's for a supporter), and every link is audited.
 */
@WebTest
class AccountLinkTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private CaseFixtures fixtures;
	private TestAccounts accounts;

	@BeforeEach
	void setUp() {
		fixtures = new CaseFixtures(context, port);
		accounts = new TestAccounts(context);
	}

	@Test
	void anOfficeHolderIsLinkedOnlyToAClientAccountAndTheLinkIsAudited() {
		TestAccount supporterAccount = accounts.create(Role.SUPPORTER);
		String name = "Wethouder " + CaseFixtures.tag();
		Response refused = fixtures.coordinator.postJson("/api/v1/office-holders", officeHolderJson(name, supporterAccount.id()));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("\"field\":\"accountId\"").contains("registry.account.notClient");
		assertThat(count("select count(*) from office_holder where name = ?", name)).as("nothing saved").isZero();
		assertThat(fixtures.coordinator.postJson("/api/v1/office-holders", officeHolderJson(name, UUID.randomUUID())).status())
			.as("an account that does not exist").isEqualTo(400);

		TestAccount clientAccount = accounts.create(Role.CLIENT);
		Response linked = fixtures.coordinator.postJson("/api/v1/office-holders", officeHolderJson(name, clientAccount.id()));
		assertThat(linked.status()).as(linked.body()).isEqualTo(201);
		String id = read(linked).get("id").asString();
		assertThat(count("select count(*) from audit_event where action = 'ACCOUNT_LINKED' and object_type = 'OFFICE_HOLDER' and object_id = ?", id))
			.isEqualTo(1);

		TestAccount coordinatorAccount = accounts.create(Role.COORDINATOR);
		Response changed = fixtures.coordinator.putJson("/api/v1/office-holders/" + id, officeHolderJson(name, coordinatorAccount.id()));
		assertThat(changed.status()).as(changed.body()).isEqualTo(400);
		assertThat(count("select count(*) from office_holder where id = ?::uuid and account_id = ?", id, clientAccount.id()))
			.as("the link stays as it was").isEqualTo(1);
	}

	@Test
	void aHomeFrontMemberIsLinkedOnlyToAClientAccountOfTheirOwnAndThenFilesForThemselves() {
		TestAccount holderAccount = accounts.create(Role.CLIENT);
		UUID holder = fixtures.officeHolder(holderAccount.id());
		Response added = fixtures.coordinator.postJson("/api/v1/office-holders/" + holder + "/home-front",
				"{\"relation\": \"CHILD\", \"ageBand\": \"AGE_18_PLUS\", \"name\": \"Kind " + CaseFixtures.tag() + "\"}");
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		String member = read(added).get("id").asString();
		String path = "/api/v1/office-holders/" + holder + "/home-front/" + member + "/account";

		Response wrongRole = fixtures.coordinator.putJson(path, "{\"accountId\": \"" + accounts.create(Role.SUPPORTER).id() + "\"}");
		assertThat(wrongRole.status()).as(wrongRole.body()).isEqualTo(400);
		assertThat(wrongRole.body()).contains("registry.account.notClient");
		Response someoneElses = fixtures.coordinator.putJson(path, "{\"accountId\": \"" + holderAccount.id() + "\"}");
		assertThat(someoneElses.status()).as("one account, one person").isEqualTo(409);
		assertThat(fixtures.coordinator.putJson("/api/v1/office-holders/" + UUID.randomUUID() + "/home-front/" + member + "/account",
				"{\"accountId\": null}").status()).isEqualTo(404);

		TestAccount memberAccount = accounts.create(Role.CLIENT);
		Response linked = fixtures.coordinator.putJson(path, "{\"accountId\": \"" + memberAccount.id() + "\"}");
		assertThat(linked.status()).as(linked.body()).isEqualTo(200);
		assertThat(count("select count(*) from audit_event where action = 'ACCOUNT_LINKED' and object_type = 'HOME_FRONT_MEMBER' and object_id = ?",
				member)).isEqualTo(1);
		assertThat(fixtures.session(holderAccount).putJson(path, "{\"accountId\": null}").status())
			.as("a client links no accounts").isEqualTo(403);

		Response own = fixtures.session(memberAccount).postJson("/api/v1/support-requests", """
				{"summary": "Ik word op school lastiggevallen",
				 "incidents": [{"occurredOn": "2026-11-20", "kind": "INTIMIDATION_AT_HOME", "channel": "IN_PERSON"}]}""");
		assertThat(own.status()).as(own.body()).isEqualTo(201);
		assertThat(read(own).get("subjectId").asString()).isEqualTo(member);
	}

	@Test
	void aSupporterIsLinkedOnlyToASupporterAccountAndTheLinkIsAudited() {
		String refusedName = "Steun " + CaseFixtures.tag();
		Response refused = fixtures.coordinator.postJson("/api/v1/supporters", supporterJson(refusedName, accounts.create(Role.CLIENT).id()));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("\"field\":\"accountId\"").contains("supporter.account.notSupporter");
		assertThat(count("select count(*) from supporter where name = ?", refusedName)).as("nothing saved").isZero();

		Response linked = fixtures.coordinator.postJson("/api/v1/supporters",
				supporterJson("Steun " + CaseFixtures.tag(), accounts.create(Role.SUPPORTER).id()));
		assertThat(linked.status()).as(linked.body()).isEqualTo(201);
		assertThat(count("select count(*) from audit_event where action = 'ACCOUNT_LINKED' and object_type = 'SUPPORTER' and object_id = ?",
				read(linked).get("id").asString())).isEqualTo(1);
	}

	private static String officeHolderJson(String name, UUID account) {
		return """
				{"name": "%s", "party": "Partij", "accountId": "%s",
				 "terms": [{"function": "ALDERMAN", "bodyCode": "GM0344", "start": "2022-06-01"}]}""".formatted(name, account);
	}

	private static String supporterJson(String name, UUID account) {
		return """
				{"name": "%s", "kind": "EXPERT", "organisation": "ARQ", "terms": [], "provinceCode": "PV26", "capacity": 5,
				 "active": true, "accountId": "%s", "languages": ["nl"]}""".formatted(name, account);
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}
}
