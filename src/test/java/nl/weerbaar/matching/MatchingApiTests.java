package nl.weerbaar.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Suggestions, proposals and answers, the capacity race and the batch, over real HTTP. */
@WebTest
class MatchingApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Matching matching;

	private WebSession coordinator;

	@BeforeEach
	void signIn() {
		coordinator = session(new TestAccounts(context).create(Role.COORDINATOR));
	}

	@Test
	void aBatchOfMoreThanAThousandAssignmentsIsRefusedWholeAndNothingIsProposed() {
		UUID supporter = UUID.randomUUID();
		String one = "{\"requestId\": \"%s\", \"reference\": \"HV-2026-00001\", \"level\": \"LOW\", \"supporterId\": \"" + supporter
				+ "\", \"supporterName\": \"x\", \"score\": 1}";
		String assignments = java.util.stream.IntStream.range(0, 1001)
			.mapToObj(i -> one.formatted(UUID.randomUUID()))
			.collect(java.util.stream.Collectors.joining(","));

		Response refused = coordinator.postJson("/api/v1/matching/batch/commit", "{\"assignments\": [" + assignments + "]}");

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		JsonNode error = JSON.readTree(refused.body()).get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("assignments");
		assertThat(error.get("code").asString()).isEqualTo("matching.batch.tooMany");
		assertThat(jdbc.sql("select count(*) from assignment where supporter_id = ?").param(supporter).query(Long.class).single())
			.isZero();
	}

	@Test
	void suggestionsExplainEveryScoreAndEveryExclusionUnderTheHierarchicalRule() {
		String tag = tag();
		UUID alderman = officeHolder(tag, "ALDERMAN", "GM0437", "2022-06-01");
		UUID request = triagedRequest(alderman, "MODERATE");
		UUID confidant = supporter(tag + " Vertrouwenspersoon", "CONFIDANT", "WHV", null, "PV27", 3, true, null);
		UUID sameCouncil = supporter(tag + " Oud-raadslid", "PEER", null,
				"{\"function\": \"COUNCIL_MEMBER\", \"bodyCode\": \"GM0437\", \"start\": \"2014-03-27\", \"end\": \"2019-03-27\"}",
				"PV26", 3, true, null);
		UUID otherAlderman = supporter(tag + " Oud-wethouder", "PEER", null,
				"{\"function\": \"ALDERMAN\", \"bodyCode\": \"GM0363\", \"start\": \"2010-04-01\", \"end\": \"2014-04-01\"}",
				"PV27", 3, true, null);
		UUID province = supporter(tag + " Statenlid", "EXPERT", "Advocatuur",
				"{\"function\": \"PROVINCIAL_COUNCIL_MEMBER\", \"bodyCode\": \"PV27\", \"start\": \"2015-03-26\", \"end\": \"2019-03-28\"}",
				"PV27", 3, true, null);
		UUID inactive = supporter(tag + " Inactief", "EXPERT", "CCV", null, "PV27", 3, false, null);

		JsonNode suggestions = read(coordinator.get("/api/v1/support-requests/" + request + "/suggestions"));
		JsonNode first = find(suggestions.get("suggestions"), confidant);
		assertThat(first.get("score").asInt()).isPositive();
		assertThat(first.get("reasons").valueStream().map(r -> r.get("code").asString())).contains("ASSOCIATION", "REGION");
		assertThat(first.get("reasons").valueStream().mapToInt(r -> r.get("contribution").asInt()).sum())
			.isEqualTo(first.get("score").asInt());
		assertThat(first.get("reasons").get(0).get("text").asString()).isNotBlank();
		assertThat(find(suggestions.get("suggestions"), otherAlderman)).as("a peer of the same function, another body").isNotNull();
		assertThat(codes(find(suggestions.get("excluded"), sameCouncil))).contains("HIERARCHY_SAME_BODY", "PEER_FUNCTION");
		assertThat(codes(find(suggestions.get("excluded"), province))).as("ended less than four years before").contains("HIERARCHY_PROVINCE");
		assertThat(codes(find(suggestions.get("excluded"), inactive))).containsExactly("INACTIVE");
		assertThat(find(suggestions.get("excluded"), inactive).get("reasons").get(0).has("contribution")).isFalse();
		List<Integer> scores = suggestions.get("suggestions").valueStream().map(s -> s.get("score").asInt()).toList();
		assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());

		Response refused = coordinator.postJson("/api/v1/support-requests/" + request + "/assignment",
				"{\"supporterId\": \"" + sameCouncil + "\"}");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(read(refused).get("errors").valueStream().map(e -> e.get("code").asString()))
			.contains("matching.excluded.HIERARCHY_SAME_BODY");
	}

	@Test
	void aProposalIsAcceptedByItsSupporterWhoThenSeesTheCaseAndNobodyElse() {
		String tag = tag();
		UUID request = triagedRequest(officeHolder(tag, "COUNCIL_MEMBER", "GM0344", "2022-03-30"), "HIGH");
		TestAccount account = new TestAccounts(context).create(Role.SUPPORTER);
		UUID supporter = supporter(tag + " Steun", "EXPERT", "ARQ", null, "PV26", 2, true, account.id());
		WebSession supporterSession = session(account);
		assertThat(supporterSession.get("/api/v1/support-requests/" + request).status()).as("not before accepting").isEqualTo(404);

		Response proposed = coordinator.postJson("/api/v1/support-requests/" + request + "/assignment",
				"{\"supporterId\": \"" + supporter + "\"}");
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		String proposal = read(proposed).get("id").asString();
		assertThat(read(coordinator.get("/api/v1/support-requests/" + request)).get("status").asString()).isEqualTo("MATCHING");
		assertThat(coordinator.postJson("/api/v1/support-requests/" + request + "/assignment",
				"{\"supporterId\": \"" + supporter + "\"}").status()).as("one live proposal per request").isEqualTo(409);

		WebSession stranger = session(new TestAccounts(context).create(Role.SUPPORTER));
		assertThat(read(stranger.get("/api/v1/proposals")).valueStream().map(p -> p.get("id").asString())).doesNotContain(proposal);
		assertThat(stranger.postJson("/api/v1/proposals/" + proposal + "/acceptance", "{}").status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/support-requests/" + request + "/suggestions").status()).as("only coordinators match").isEqualTo(403);

		assertThat(read(supporterSession.get("/api/v1/proposals")).get(0).get("id").asString()).isEqualTo(proposal);
		Response accepted = supporterSession.postJson("/api/v1/proposals/" + proposal + "/acceptance", "{}");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(read(accepted).get("status").asString()).isEqualTo("ACCEPTED");
		Response theCase = supporterSession.get("/api/v1/support-requests/" + request);
		assertThat(theCase.status()).isEqualTo(200);
		assertThat(read(theCase).get("status").asString()).isEqualTo("ASSIGNED");
		assertThat(stranger.get("/api/v1/support-requests/" + request).status()).isEqualTo(404);
		assertThat(supporterSession.postJson("/api/v1/proposals/" + proposal + "/acceptance", "{}").status()).isEqualTo(409);
		assertThat(count("select count(*) from audit_event where action in ('SUPPORTER_PROPOSED', 'SUPPORTER_ASSIGNED') and object_id = ?",
				proposal)).isEqualTo(2);

		coordinator.postJson("/api/v1/support-requests/" + request + "/status", "{\"status\": \"WITHDRAWN\", \"reason\": \"Test\"}");
		assertThat(supporterSession.get("/api/v1/support-requests/" + request).status()).as("a withdrawn request is no longer the supporter's").isEqualTo(404);
		assertThat(count("select count(*) from assignment where id = ?::uuid and status = 'ENDED'", proposal)).isEqualTo(1);
	}

	@Test
	void aDeclineSendsTheRequestBackWithThatSupporterExcludedAndAnUnansweredProposalExpires() {
		String tag = tag();
		UUID request = triagedRequest(officeHolder(tag, "COUNCIL_MEMBER", "GM0153", "2022-03-30"), "LOW");
		TestAccount account = new TestAccounts(context).create(Role.SUPPORTER);
		UUID supporter = supporter(tag + " Afwijzer", "EXPERT", "CCV", null, "PV21", 2, true, account.id());
		String proposal = read(coordinator.postJson("/api/v1/support-requests/" + request + "/assignment",
				"{\"supporterId\": \"" + supporter + "\"}")).get("id").asString();
		WebSession supporterSession = session(account);
		assertThat(supporterSession.postJson("/api/v1/proposals/" + proposal + "/decline", "{}").status()).isEqualTo(400);
		assertThat(session(new TestAccounts(context).create(Role.SUPPORTER)).postJson("/api/v1/support-requests/" + request
				+ "/assignment/decline", "{\"reason\": \"NO_TIME\"}").status()).as("not proposed to them").isEqualTo(404);
		Response declined = supporterSession.postJson("/api/v1/support-requests/" + request + "/assignment/decline",
				"{\"reason\": \"KNOWS_PERSON\"}");
		assertThat(declined.status()).isEqualTo(200);
		assertThat(read(declined).get("declineReason").asString()).isEqualTo("KNOWS_PERSON");
		assertThat(read(declined).get("id").asString()).isEqualTo(proposal);
		JsonNode suggestions = read(coordinator.get("/api/v1/support-requests/" + request + "/suggestions"));
		assertThat(codes(find(suggestions.get("excluded"), supporter))).containsExactly("PASSED_OVER");

		UUID other = supporter(tag + " Traag", "EXPERT", "CCV", null, "PV21", 2, true, null);
		String second = read(coordinator.postJson("/api/v1/support-requests/" + request + "/assignment",
				"{\"supporterId\": \"" + other + "\"}")).get("id").asString();
		jdbc.sql("update assignment set expires_at = now() - interval '1 minute' where id = ?::uuid").param(second).update();
		assertThat(matching.expireDueNow()).isGreaterThanOrEqualTo(1);
		assertThat(count("select count(*) from assignment where id = ?::uuid and status = 'EXPIRED'", second)).isEqualTo(1);
		assertThat(count("select count(*) from audit_event where action = 'PROPOSAL_EXPIRED' and object_id = ?", second)).isEqualTo(1);
		assertThat(coordinator.postJson("/api/v1/support-requests/" + request + "/assignment",
				"{\"supporterId\": \"" + other + "\"}").status()).as("an expired proposal may be made again").isEqualTo(201);
	}

	@Test
	void twoCoordinatorsProposingAtOnceNeverOverFillASupporter() throws Exception {
		String tag = tag();
		UUID supporter = supporter(tag + " Vol", "EXPERT", "CCV", null, "PV30", 1, true, null);
		List<UUID> requests = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			requests.add(triagedRequest(officeHolder(tag + i, "COUNCIL_MEMBER", "GM0758", "2022-03-30"), "MODERATE"));
		}
		List<WebSession> coordinators = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			coordinators.add(session(new TestAccounts(context).create(Role.COORDINATOR)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(requests.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			WebSession session = coordinators.get(i);
			UUID request = requests.get(i);
			answers.add(pool.submit(() -> {
				start.await();
				return session.postJson("/api/v1/support-requests/" + request + "/assignment",
						"{\"supporterId\": \"" + supporter + "\"}").status();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get());
		}
		pool.shutdown();
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
		assertThat(count("select count(*) from assignment where supporter_id = ?::uuid and status in ('PROPOSED', 'ACCEPTED')",
				supporter.toString())).isEqualTo(1);
	}

	@Test
	void theBatchServesHigherLevelsFirstAndTheCommitChecksAgain() {
		String tag = tag();
		UUID only = supporter(tag + " Enige", "EXPERT", "CCV", null, "PV31", 2, true, null);
		List<UUID> requests = new ArrayList<>();
		String[] levels = { "LOW", "LOW", "ACUTE", "HIGH" };
		for (int i = 0; i < levels.length; i++) {
			requests.add(triagedRequest(officeHolder(tag + i, "COUNCIL_MEMBER", "GM0828", "2022-03-30"), levels[i]));
		}
		// other supporters from other tests may be eligible too: take them out of this batch's reach
		List<UUID> wereActive = jdbc.sql("select id from supporter where active and id <> ?::uuid").param(only.toString())
			.query(UUID.class).list();
		jdbc.sql("update supporter set active = false where id in (:ids)").param("ids", wereActive).update();
		try {
			String ids = requests.stream().map(id -> "\"" + id + "\"").collect(java.util.stream.Collectors.joining(","));
			Response preview = coordinator.postJson("/api/v1/matching/batch", "{\"requestIds\": [" + ids + "]}");
			assertThat(preview.status()).as(preview.body()).isEqualTo(200);
			JsonNode body = read(preview);
			assertThat(body.get("assignments").valueStream().map(a -> a.get("requestId").asString()))
				.containsExactlyInAnyOrder(requests.get(2).toString(), requests.get(3).toString());
			assertThat(body.get("assignments").get(0).get("supporterId").asString()).isEqualTo(only.toString());
			assertThat(body.get("unassigned").valueStream().map(u -> u.get("reasons").get(0).get("code").asString()))
				.containsOnly("NO_ROOM_LEFT");
			assertThat(body.get("assignedPerLevel").get("ACUTE").asInt()).isEqualTo(1);
			assertThat(count("select count(*) from assignment where supporter_id = ?::uuid", only.toString()))
				.as("a preview proposes nothing").isZero();

			Response committed = coordinator.postJson("/api/v1/matching/batch/commit", "{\"assignments\": " + body.get("assignments") + "}");
			assertThat(committed.status()).as(committed.body()).isEqualTo(200);
			assertThat(read(committed).get("proposed").size()).isEqualTo(2);
			Response again = coordinator.postJson("/api/v1/matching/batch/commit", "{\"assignments\": " + body.get("assignments") + "}");
			assertThat(read(again).get("proposed").size()).isZero();
			assertThat(read(again).get("refused").size()).isEqualTo(2);
		}
		finally {
			jdbc.sql("update supporter set active = true where id in (:ids)").param("ids", wereActive).update();
		}
		assertThat(coordinator.postJson("/api/v1/matching/batch", "{\"requestIds\": []}").status()).isEqualTo(400);
	}

	private UUID triagedRequest(UUID officeHolder, String level) {
		Response created = coordinator.postJson("/api/v1/support-requests", """
				{"subjectId": "%s", "channel": "PHONE", "summary": "Koppelen",
				 "incidents": [{"occurredOn": "2026-11-01", "kind": "ONLINE_ABUSE", "channel": "SOCIAL_MEDIA"}]}""".formatted(officeHolder));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = read(created).get("id").asString();
		Response triaged = coordinator.putJson("/api/v1/support-requests/" + id + "/triage",
				"{\"concernLevel\": \"" + level + "\"" + ("ACUTE".equals(level) ? ", \"acuteActions\": \"112 gebeld\"" : "") + "}");
		assertThat(triaged.status()).as(triaged.body()).isEqualTo(200);
		return UUID.fromString(id);
	}

	private UUID officeHolder(String tag, String function, String body, String start) {
		Response created = coordinator.postJson("/api/v1/office-holders", """
				{"name": "Persoon %s", "party": "Partij", "terms": [{"function": "%s", "bodyCode": "%s", "start": "%s"}]}"""
			.formatted(tag, function, body, start));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return UUID.fromString(read(created).get("id").asString());
	}

	private UUID supporter(String name, String kind, String organisation, String term, String province, int capacity,
			boolean active, UUID account) {
		Response created = coordinator.postJson("/api/v1/supporters", """
				{"name": "%s", "kind": "%s", "organisation": %s, "terms": [%s], "provinceCode": "%s", "capacity": %d,
				 "active": %s, "accountId": %s, "languages": ["nl"]}"""
			.formatted(name, kind, organisation == null ? "null" : "\"" + organisation + "\"", term == null ? "" : term, province,
					capacity, active, account == null ? "null" : "\"" + account + "\""));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return UUID.fromString(read(created).get("id").asString());
	}

	private WebSession session(TestAccount account) {
		WebSession session = new WebSession(port);
		session.signIn(account.username(), TestAccounts.PASSWORD);
		session.get("/");
		return session;
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private static JsonNode find(JsonNode list, UUID supporter) {
		return list.valueStream().filter(s -> s.get("supporterId").asString().equals(supporter.toString())).findFirst().orElse(null);
	}

	private static List<String> codes(JsonNode entry) {
		assertThat(entry).isNotNull();
		return entry.get("reasons").valueStream().map(r -> r.get("code").asString()).toList();
	}

	private static JsonNode read(Response response) {
		return JSON.readTree(response.body());
	}

	private static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
