package nl.weerbaar.cases;

import java.util.UUID;

import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases in known states, made the way people make them: over HTTP, a coordinator files and triages a request and
 * proposes a supporter, who accepts.
 */
public final class CaseFixtures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ApplicationContext context;
	private final int port;
	public final WebSession coordinator;

	public CaseFixtures(ApplicationContext context, int port) {
		this.context = context;
		this.port = port;
		this.coordinator = session(new TestAccounts(context).create(Role.COORDINATOR));
	}

	/** A supporter with an account and a profile, signed in. */
	public record SupporterAt(UUID supporterId, TestAccount account, WebSession session) {
	}

	/** A case opened by its supporter's acceptance, with the office holder it is about and their own client account. */
	public record OpenCase(UUID caseId, UUID requestId, UUID officeHolderId, SupporterAt supporter) {
	}

	public SupporterAt supporter(String province) {
		TestAccount account = new TestAccounts(context).create(Role.SUPPORTER);
		Response created = coordinator.postJson("/api/v1/supporters", """
				{"name": "Steun %s", "kind": "EXPERT", "organisation": "ARQ", "terms": [], "provinceCode": "%s", "capacity": 5,
				 "active": true, "accountId": "%s", "languages": ["nl"], "email": "steun-%s@weerbaar.test"}"""
			.formatted(tag(), province, account.id(), account.username()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new SupporterAt(UUID.fromString(read(created).get("id").asString()), account, session(account));
	}

	/** An alderman of Utrecht, with contact details; {@code clientAccount} may be null. */
	public UUID officeHolder(UUID clientAccount) {
		Response created = coordinator.postJson("/api/v1/office-holders", """
				{"name": "Wethouder %s", "party": "Partij", "email": "wethouder-%s@weerbaar.test", "phone": "+31 6 12345678",
				 "terms": [{"function": "ALDERMAN", "bodyCode": "GM0344", "start": "2022-06-01"}]%s}"""
			.formatted(tag(), tag(), clientAccount == null ? "" : ", \"accountId\": \"" + clientAccount + "\""));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return UUID.fromString(read(created).get("id").asString());
	}

	public OpenCase openCase(SupporterAt supporter, UUID officeHolder, String level) {
		Response created = coordinator.postJson("/api/v1/support-requests", """
				{"subjectId": "%s", "channel": "PHONE", "summary": "Bedreigd na de raadsvergadering",
				 "incidents": [{"occurredOn": "2026-11-01", "kind": "WRITTEN_THREAT", "channel": "EMAIL"}]}""".formatted(officeHolder));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		UUID request = UUID.fromString(read(created).get("id").asString());
		return openCase(supporter, request, officeHolder, level);
	}

	/** Triages this request, proposes the supporter, who accepts: the case opens. */
	public OpenCase openCase(SupporterAt supporter, UUID request, UUID officeHolder, String level) {
		Response triaged = coordinator.putJson("/api/v1/support-requests/" + request + "/triage", "{\"concernLevel\": \"" + level + "\"}");
		assertThat(triaged.status()).as(triaged.body()).isEqualTo(200);
		Response proposed = coordinator.postJson("/api/v1/support-requests/" + request + "/assignment",
				"{\"supporterId\": \"" + supporter.supporterId() + "\"}");
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		Response accepted = supporter.session().postJson("/api/v1/support-requests/" + request + "/assignment/acceptance", "{}");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		JsonNode cases = read(supporter.session().get("/api/v1/cases"));
		UUID caseId = cases.valueStream()
			.filter(c -> c.get("supportRequestId").asString().equals(request.toString()))
			.map(c -> UUID.fromString(c.get("id").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no case for the accepted request in " + cases));
		return new OpenCase(caseId, request, officeHolder, supporter);
	}

	public WebSession session(TestAccount account) {
		WebSession session = new WebSession(port);
		session.signIn(account.username(), TestAccounts.PASSWORD);
		session.get("/");
		return session;
	}

	public static JsonNode read(Response response) {
		return JSON.readTree(response.body());
	}

	public static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
