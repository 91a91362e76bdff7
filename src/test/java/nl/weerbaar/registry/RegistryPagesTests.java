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

	@Test
	void aCoordinatorUploadsAGriffiesListAndSeesEveryLineInError() throws Exception {
		Page page = signIn(coordinator().username(), TestAccounts.PASSWORD);
		page.navigate(url("/office-holders/import"));
		assertAccessible(page);
		String tag = UUID.randomUUID().toString().substring(0, 6);
		java.nio.file.Path bad = java.nio.file.Files.createTempFile("griffie", ".csv");
		java.nio.file.Files.writeString(bad, """
				external_id,name,email,phone,party,function,body_code,start,end
				%1$s-1,Goed,,,,COUNCIL_MEMBER,GM0014,2022-03-30,
				%1$s-2,Fout,,,,COUNCIL_MEMBER,PV20,2022-03-30,
				""".formatted(tag));
		page.getByLabel("CSV-bestand").setInputFiles(bad);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importeren")).click();
		assertThat(page.locator("#import-errors").textContent()).contains("Regel 3, bodyCode");
		assertAccessible(page);
		java.nio.file.Files.writeString(bad, java.nio.file.Files.readString(bad).replace("PV20", "GM0014"));
		page.getByLabel("CSV-bestand").setInputFiles(bad);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importeren")).click();
		assertThat(page.locator("#import-result").textContent()).contains("2 nieuw");
	}

	@Test
	void aClientKeepsTheirOwnContactDetailsAndHomeFront() {
		TestAccount client = new TestAccounts(application).create(Role.CLIENT);
		asCoordinator(() -> application.getBean(Registry.class).register(new OfficeHolderData("Eigen Pagina", "eigen@example.nl",
				null, null, null, List.of(new Term(OfficeFunction.COUNCIL_MEMBER, "GM0014", java.time.LocalDate.of(2022, 3, 30), null)),
				client.id()), actor()));
		Page page = signIn(client.username(), TestAccounts.PASSWORD);
		page.navigate(url("/my"));
		assertThat(page.getByLabel("E-mailadres").inputValue()).isEqualTo("eigen@example.nl");
		assertAccessible(page);
		page.getByLabel("E-mailadres").fill("nieuw-adres@example.nl");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
		page.waitForURL(url("/my?saved"));
		assertThat(page.getByLabel("E-mailadres").inputValue()).isEqualTo("nieuw-adres@example.nl");
		page.getByLabel("Relatie").selectOption("PARTNER");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lid van het thuisfront toevoegen")).click();
		assertThat(page.locator("#home-front-heading + ul").textContent()).contains("Partner");
		assertAccessible(page);
	}

	@Test
	void aCoordinatorRegistersAPeerWhoMustHaveHeldAFunction() {
		Page page = signIn(coordinator().username(), TestAccounts.PASSWORD);
		page.navigate(url("/supporters/new"));
		assertAccessible(page);
		String name = "Peer " + UUID.randomUUID().toString().substring(0, 6);
		page.getByLabel("Naam", new Page.GetByLabelOptions().setExact(true)).fill(name);
		page.getByLabel("Soort").selectOption("PEER");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
		assertThat(page.locator("#function-error").textContent()).contains("minstens één functie");
		assertAccessible(page);
		page.getByLabel("Functie").selectOption("ALDERMAN");
		page.getByLabel("Bestuursorgaan (code)").fill("GM0344");
		page.getByLabel("Begindatum").fill("2010-06-01");
		page.getByLabel("Einddatum").fill("2014-06-01");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Opslaan")).click();
		page.waitForURL(url -> url.matches(".*/supporters/[0-9a-f-]{36}$"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent()).isEqualTo(name);
		assertThat(page.getByText("Wethouder, GM0344").count()).isEqualTo(1);
		page.getByText("Gegevens wijzigen").click();
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
