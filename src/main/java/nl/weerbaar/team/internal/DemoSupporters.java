package nl.weerbaar.team.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import nl.weerbaar.platform.Installation;
import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.registry.Term;
import nl.weerbaar.security.AccountManagement;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.team.Expertise;
import nl.weerbaar.team.Gender;
import nl.weerbaar.team.SupporterData;
import nl.weerbaar.team.SupporterKind;
import nl.weerbaar.team.Team;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Sixty synthetic supporters (demo profile): confidants of the four associations, experts of partner
 * organisations, and peers who held functions across the country. Deterministic; everyone is invented.
 */
@Component
@Profile(Installation.DEMO_PROFILE)
@Order(30)
class DemoSupporters implements ApplicationRunner {

	private static final Actor SYSTEM = new Actor(new UUID(0, 0), "COORDINATOR");
	private static final List<String> FIRST = List.of("Agnes", "Bert", "Cor", "Dineke", "Erik", "Femke", "Geert", "Hilde",
			"Ivo", "Janneke", "Klaas", "Lieke", "Maarten", "Nel", "Onno", "Paula", "Reinier", "Sietske", "Theo", "Wilma");
	private static final List<String> LAST = List.of("van Dam", "Mulder", "de Boer", "Visser", "Smit", "Meijer", "de Groot",
			"Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf");
	private static final List<String> ASSOCIATIONS = List.of("NGB", "Wethoudersvereniging", "NVvR", "IPO");
	private static final List<String> EXPERT_ORGANISATIONS = List.of("ARQ Instituut voor Psychotrauma", "CCV", "Politie",
			"Advocatuur", "Rijksrecherche");

	private final Team team;
	private final AccountManagement accounts;
	private final JdbcClient jdbc;

	DemoSupporters(Team team, AccountManagement accounts, JdbcClient jdbc) {
		this.team = team;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select exists (select 1 from supporter where external_id like 'demo-%')").query(Boolean.class).single()) {
			return;
		}
		Random random = new Random(60);
		List<String> provinces = jdbc.sql("select code from body where kind = 'PROVINCE' order by code").query(String.class).list();
		List<String> municipalities = jdbc.sql("select code from body where kind = 'MUNICIPALITY' order by code").query(String.class).list();
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo-data",
				null, AuthorityUtils.createAuthorityList("ROLE_COORDINATOR", "ROLE_ADMIN")));
		try {
			for (int i = 0; i < 60; i++) {
				SupporterKind kind = i < 24 ? SupporterKind.CONFIDANT : i < 38 ? SupporterKind.EXPERT : SupporterKind.PEER;
				String organisation = switch (kind) {
					case CONFIDANT -> ASSOCIATIONS.get(i % 4);
					case EXPERT -> EXPERT_ORGANISATIONS.get(i % EXPERT_ORGANISATIONS.size());
					case PEER -> null;
				};
				List<Term> terms = new ArrayList<>();
				if (kind == SupporterKind.PEER || (kind == SupporterKind.CONFIDANT && random.nextBoolean())) {
					OfficeFunction function = List.of(OfficeFunction.MAYOR, OfficeFunction.ALDERMAN, OfficeFunction.COUNCIL_MEMBER,
							OfficeFunction.PROVINCIAL_COUNCIL_MEMBER).get(i % 4);
					String body = function == OfficeFunction.PROVINCIAL_COUNCIL_MEMBER ? provinces.get(random.nextInt(12))
							: municipalities.get(random.nextInt(municipalities.size()));
					LocalDate start = LocalDate.of(2006, 1, 1).plusDays(random.nextInt(3000));
					terms.add(new Term(function, body, start, start.plusYears(4 + random.nextInt(5))));
				}
				Set<Expertise> expertise = EnumSet.noneOf(Expertise.class);
				expertise.add(Expertise.values()[random.nextInt(Expertise.values().length)]);
				expertise.add(Expertise.values()[random.nextInt(Expertise.values().length)]);
				String name = FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size()));
				// demo-supporter is the first confidant
				UUID account = i == 0 ? accounts.findByUsername("demo-supporter").map(a -> a.id().value()).orElse(null) : null;
				team.register(new SupporterData(name, "ondersteuner." + i + "@demo.example", null, null, terms, kind,
						organisation, expertise, random.nextInt(5) == 0 ? Set.of("nl", "en") : Set.of("nl"),
						provinces.get(random.nextInt(provinces.size())), 2 + random.nextInt(5), random.nextInt(10) > 0,
						random.nextInt(3) == 0 ? null : Gender.values()[random.nextInt(2)], List.of(), List.of(),
						"demo-supporter-" + i, account), SYSTEM);
			}
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
