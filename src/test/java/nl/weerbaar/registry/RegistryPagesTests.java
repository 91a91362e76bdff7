package nl.weerbaar.registry;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.weerbaar.registry.Registry.OfficeHolderData;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.team.SupporterData;
import nl.weerbaar.team.SupporterKind;
import nl.weerbaar.team.Team;
import nl.weerbaar.testing.BrowserTest;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry's and the team's pages in a real browser, each checked with axe-core. */
class RegistryPagesTests extends BrowserTest {

	@Autowired
	ApplicationContext application;

	@Test
	void aCoordinatorRegistersAnOfficeHolderFixingAMistakeNextToTheField() {
		Page page = signIn(coordinator().username(), TestAccounts.PASSWORD);
		page.navigate(url("/office-holders/new"));
		assertAccessible(page);
		String name = "Browser " + UUID.randomUUID().toString().substring(0, 6);
		page.getByLabel("Naam", new Page.GetByLabelOptions().setExact(true)).fill(name);
		page.getByLabel("Functie").selectOption("MAYOR");
		page.getByLabel("Bestuursorgaan (code)").fill("PV27");
		page.getByLabel("Begindatum").fill("2021-05-01");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registreren")).click();
		assertThat(page.locator("#bodyCode-error").textContent()).contains("hoort bij een gemeente");
		assertThat(page.getByLabel("Naam", new Page.GetByLabelOptions().setExact(true)).inputValue()).isEqualTo(name);
		assertAccessible(page);

		String municipality = application.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
				select code from body where kind = 'MUNICIPALITY'
				  and code not in (select body_code from office_term where function = 'MAYOR') order by code limit 1""")
			.query(String.class).single();
		page.getByLabel("Bestuursorgaan (code)").fill(municipality);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registreren")).click();
		page.waitForURL(url -> url.contains("/office-holders/") && !url.endsWith("/new"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent()).isEqualTo(name);
		assertAccessible(page);
	}

	@Test
	void contactDetailsAreEditedInPlaceWithHtmx() {
		UUID id = officeHolder("Inline " + UUID.randomUUID().toString().substring(0, 6));
		Page page = signIn(coordinator().username(), TestAccounts.PASSWORD);
		page.navigate(url("/office-holders/" + id));
		assertAccessible(page);
		page.evaluate("window.notReloaded = true");
		page.getByText("Contactgegevens wijzigen").click();
		var contact = page.locator("#contact form");
		contact.getByLabel("E-mailadres").fill("geen-adres");
		contact.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Opslaan")).click();
		page.locator("#email-error").waitFor();
		assertThat(page.locator("#email-error").textContent()).contains("geen geldig e-mailadres");
		assertAccessible(page);
		page.locator("#contact form").getByLabel("E-mailadres").fill("inline@example.nl");
		page.locator("#contact form").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Opslaan")).click();
		page.getByText("inline@example.nl").waitFor();
		assertThat(page.evaluate("window.notReloaded")).as("edited in place").isEqualTo(true);
	}

	@Test
	void termsAndHomeFrontAreAddedOnTheOfficeHoldersPage() {
		UUID id = officeHolder("Termijn " + UUID.randomUUID().toString().substring(0, 6));
		Page page = signIn(coordinator().username(), TestAccounts.PASSWORD);
		page.navigate(url("/office-holders/" + id));
		page.getByLabel("Relatie").selectOption("CHILD");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lid van het thuisfront toevoegen")).click();
		assertThat(page.locator("#ageBand-error").textContent()).contains("leeftijdsgroep");
		assertAccessible(page);
		page.getByLabel("Relatie").selectOption("CHILD");
		page.getByLabel("Leeftijdsgroep (alleen voor een kind)").selectOption("AGE_4_11");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lid van het thuisfront toevoegen")).click();
		assertThat(page.locator("#home-front-heading + ul").textContent()).contains("Kind (4 tot 12 jaar)");

		page.getByLabel("Functie").selectOption("ALDERMAN");
		page.getByLabel("Bestuursorgaan (code)").fill("GM0437");
		page.getByLabel("Begindatum").fill("2026-01-01");
		page.getByLabel("Einddatum").fill("2025-01-01");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Termijn toevoegen")).click();
		assertThat(page.locator("#end-error").textContent()).contains("na de begindatum");
		assertAccessible(page);
	}

	@Test
	void theListsSearchAndTheSupporterDirectoryIsAccessible() {
		officeHolder("Lijst " + UUID.randomUUID().toString().substring(0, 6));
		UUID supporter = asCoordinator(() -> application.getBean(Team.class)
			.register(new SupporterData("Directory " + UUID.randomUUID().toString().substring(0, 6), "d@example.nl", null, null,
					List.of(), SupporterKind.EXPERT, "ARQ", java.util.Set.of(nl.weerbaar.team.Expertise.PSYCHOSOCIAL),
					java.util.Set.of("nl"), "PV26", 2, true, null, List.of(), List.of(), null, null), actor())
			.id());
		Page page = signIn(coordinator().username(), TestAccounts.PASSWORD);
		page.navigate(url("/office-holders"));
		page.getByLabel("Zoek op naam").fill("Lijst ");
		page.waitForCondition(() -> page.locator("#results tbody tr").count() >= 1);
		assertAccessible(page);
		page.navigate(url("/supporters?expertise=PSYCHOSOCIAL"));
		assertAccessible(page);
		page.navigate(url("/supporters/" + supporter));
		assertThat(page.getByText("Psychosociaal").count()).isPositive();
		assertAccessible(page);
	}

	private TestAccount coordinator() {
		return new TestAccounts(application).create(Role.COORDINATOR);
	}

	private UUID officeHolder(String name) {
		return asCoordinator(() -> application.getBean(Registry.class)
			.register(new OfficeHolderData(name, null, null, "Partij", null,
					List.of(new Term(OfficeFunction.COUNCIL_MEMBER, "GM0437", java.time.LocalDate.of(2022, 3, 30), null)), null), actor())
			.id());
	}

	private static Actor actor() {
		return new Actor(UUID.randomUUID(), "COORDINATOR");
	}

	private static <T> T asCoordinator(java.util.function.Supplier<T> work) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("test", null,
				AuthorityUtils.createAuthorityList("ROLE_COORDINATOR")));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
