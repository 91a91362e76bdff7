package nl.weerbaar.matching;

import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.weerbaar.security.Role;
import nl.weerbaar.testing.BrowserTest;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebSession.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Matching's pages in a real browser with the axe check: suggestions and "why not?", the batch, a supporter's answer. */
class MatchingPagesTests extends BrowserTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ApplicationContext application;

	@Test
	void aCoordinatorSeesWhyASupporterIsExcludedProposesOneAndTheSupporterAccepts() {
		TestAccount coordinator = new TestAccounts(application).create(Role.COORDINATOR);
		WebSession api = api(coordinator);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String holder = id(api.postJson("/api/v1/office-holders", """
				{"name": "Raadslid %s", "terms": [{"function": "COUNCIL_MEMBER", "bodyCode": "GM0599", "start": "2022-03-30"}]}""".formatted(tag)));
		String request = id(api.postJson("/api/v1/support-requests", """
				{"subjectId": "%s", "channel": "PHONE", "summary": "Bedreigd",
				 "incidents": [{"occurredOn": "2026-11-20", "kind": "ONLINE_ABUSE", "channel": "SOCIAL_MEDIA"}]}""".formatted(holder)));
		api.putJson("/api/v1/support-requests/" + request + "/triage", "{\"concernLevel\": \"MODERATE\"}");
		TestAccount supporterAccount = new TestAccounts(application).create(Role.SUPPORTER);
		api.postJson("/api/v1/supporters", """
				{"name": "Aa Steun %s", "kind": "EXPERT", "organisation": "ARQ", "provinceCode": "PV28", "capacity": 3,
				 "expertise": ["ONLINE_ABUSE"], "accountId": "%s"}""".formatted(tag, supporterAccount.id()));
		api.postJson("/api/v1/supporters", """
				{"name": "Aa Uitgesloten %s", "kind": "PEER", "provinceCode": "PV28", "capacity": 3,
				 "terms": [{"function": "COUNCIL_MEMBER", "bodyCode": "GM0599", "start": "2018-03-29", "end": "2022-03-30"}]}""".formatted(tag));

		Page page = signIn(coordinator.username(), TestAccounts.PASSWORD);
		page.navigate(url("/requests/" + request));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ondersteuner zoeken")).click();
		page.waitForURL(url("/requests/" + request + "/matching"));
		assertAccessible(page);
		page.getByLabel("Ondersteuner", new Page.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Aa Uitgesloten " + tag + " (Ervaringsdeskundige)"));
		page.waitForCondition(() -> page.locator("#why").textContent().contains("hetzelfde bestuursorgaan"));
		assertAccessible(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Voorstellen: Aa Steun " + tag)).click();
		assertThat(page.locator("#proposals").textContent()).contains("Aa Steun " + tag).contains("Voorgesteld");
		assertAccessible(page);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Uitloggen")).click();
		// closing a page while its sign-out is still navigating can hang the Playwright driver; let it land
		page.waitForURL(url("/login?logout"));
		Page supporter = signIn(supporterAccount.username(), TestAccounts.PASSWORD);
		supporter.navigate(url("/proposals"));
		assertAccessible(supporter);
		supporter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Afwijzen")).first().click();
		assertThat(supporter.locator(".utrecht-form-field-error-message").first().textContent()).contains("Vul dit veld in");
		assertAccessible(supporter);
		supporter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aannemen")).first().click();
		assertThat(supporter.locator("main").textContent()).contains("Aangenomen");
		assertAccessible(supporter);
	}

	@Test
	void aCoordinatorPreviewsAndCommitsABatch() {
		TestAccount coordinator = new TestAccounts(application).create(Role.COORDINATOR);
		WebSession api = api(coordinator);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 3; i++) {
			String holder = id(api.postJson("/api/v1/office-holders", """
					{"name": "Batch %s %d", "terms": [{"function": "COUNCIL_MEMBER", "bodyCode": "GM1966", "start": "2022-03-30"}]}"""
				.formatted(tag, i)));
			String request = id(api.postJson("/api/v1/support-requests", """
					{"subjectId": "%s", "channel": "EMAIL", "summary": "Dreigmail",
					 "incidents": [{"occurredOn": "2026-11-20", "kind": "WRITTEN_THREAT", "channel": "EMAIL"}]}""".formatted(holder)));
			api.putJson("/api/v1/support-requests/" + request + "/triage", "{\"concernLevel\": \"" + (i == 0 ? "HIGH" : "LOW") + "\"}");
		}
		api.postJson("/api/v1/supporters", """
				{"name": "Batch Steun %s", "kind": "EXPERT", "organisation": "CCV", "provinceCode": "PV20", "capacity": 5}""".formatted(tag));
		Page page = signIn(coordinator.username(), TestAccounts.PASSWORD);
		page.navigate(url("/matching?province=PV20"));
		assertAccessible(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verdeling berekenen")).click();
		assertThat(page.getByRole(AriaRole.STATUS).first().textContent()).contains("hulpvragen krijgen een ondersteuner");
		assertAccessible(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deze voorstellen doen")).click();
		assertThat(page.getByRole(AriaRole.STATUS).first().textContent()).contains("voorstellen gedaan");
		assertAccessible(page);
	}

	private WebSession api(TestAccount account) {
		WebSession session = new WebSession(port);
		session.signIn(account.username(), TestAccounts.PASSWORD);
		session.get("/");
		return session;
	}

	private static String id(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return JSON.readTree(response.body()).get("id").asString();
	}
}
