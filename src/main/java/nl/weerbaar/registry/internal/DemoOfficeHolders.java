package nl.weerbaar.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import nl.weerbaar.platform.Installation;
import nl.weerbaar.registry.AgeBand;
import nl.weerbaar.registry.HomeFrontRelation;
import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.registry.OfficeHolderImport.Entry;
import nl.weerbaar.registry.Registry;
import nl.weerbaar.registry.Registry.HomeFrontData;
import nl.weerbaar.registry.Registry.OfficeHolderData;
import nl.weerbaar.registry.Term;
import nl.weerbaar.security.AccountManagement;
import nl.weerbaar.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Synthetic office holders sized like the country (demo profile): a mayor per municipality, about 8,500 council
 * members and 1,400 aldermen spread by municipality, 570 provincial council members, about 68 provincial
 * executives, 12 King's commissioners, earlier terms for some, a home front for about 5%. Deterministic: the same
 * seed gives the same people. Everyone is invented (see demo/SOURCES.md).
 */
@Component
@Profile(Installation.DEMO_PROFILE)
@Order(20)
public class DemoOfficeHolders implements ApplicationRunner {

	/** The system acting when demo data is made. */
	static final Actor SYSTEM = new Actor(new UUID(0, 0), "COORDINATOR");

	private static final Logger log = LoggerFactory.getLogger(DemoOfficeHolders.class);

	private static final List<String> FIRST_NAMES = List.of("Anne", "Bram", "Carla", "Daan", "Eva", "Fleur", "Gert",
			"Hanneke", "Ibrahim", "Joost", "Karin", "Lars", "Marieke", "Nadia", "Otto", "Petra", "Quinten", "Roos", "Sander",
			"Tessa", "Umut", "Vera", "Willem", "Yara", "Zeynep", "Anouk", "Bas", "Chantal", "Dirk", "Esther", "Floris",
			"Gerda", "Hugo", "Ilse", "Jeroen", "Kim", "Lotte", "Martijn", "Noor", "Olaf", "Priya", "Ruben", "Saskia",
			"Thijs", "Ursula", "Vincent", "Wendy", "Youssef", "Annelies", "Bart", "Corine", "Dennis", "Els", "Frank",
			"Germaine", "Henk", "Inge", "Jasper", "Kees", "Linda", "Mohamed", "Nienke", "Pieter", "Rianne", "Stefan",
			"Tamara", "Wouter", "Yvonne", "Ayşe", "Fatima", "Johan", "Margreet", "Rik", "Sanne", "Tim", "Marloes");

	/** Seats in each provincial council (about the sizes the provinces have since 2023). */
	private static final Map<String, Integer> STATEN_SEATS = Map.ofEntries(Map.entry("PV20", 43), Map.entry("PV21", 43),
			Map.entry("PV22", 41), Map.entry("PV23", 47), Map.entry("PV24", 41), Map.entry("PV25", 55),
			Map.entry("PV26", 49), Map.entry("PV27", 55), Map.entry("PV28", 55), Map.entry("PV29", 39),
			Map.entry("PV30", 55), Map.entry("PV31", 47));

	private final Registry registry;
	private final AccountManagement accounts;
	private final JdbcClient jdbc;

	DemoOfficeHolders(Registry registry, AccountManagement accounts, JdbcClient jdbc) {
		this.registry = registry;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select exists (select 1 from office_holder where external_id like 'demo-%')").query(Boolean.class).single()) {
			return;
		}
		long start = System.nanoTime();
		List<Entry> people = population(new Random(20250101), jdbc, names());
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo-data",
				null, AuthorityUtils.createAuthorityList("ROLE_COORDINATOR", "ROLE_ADMIN")));
		try {
			registry.importOfficeHolders(people, SYSTEM);
			addHomeFront(new Random(7));
			// demo-client is the first demo council member, so that the client's own pages have someone to show
			accounts.findByUsername("demo-client").ifPresent(client -> jdbc
				.sql("update office_holder set account_id = ? where external_id = (select min(external_id) from office_holder "
						+ "where external_id like 'demo-%' and name is not null)")
				.param(client.id().value())
				.update());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		log.info("Demo: {} synthetic office holders in {} ms", people.size(), (System.nanoTime() - start) / 1_000_000);
	}

	/** The whole synthetic population, as import entries (also used by the import benchmark). */
	public static List<Entry> population(Random random, JdbcClient jdbc, Names names) {
		List<Entry> people = new ArrayList<>();
		List<String> municipalities = jdbc.sql("select code from body where kind = 'MUNICIPALITY' order by code").query(String.class).list();
		int[] line = { 2 };
		for (String municipality : municipalities) {
			int seats = Math.max(11, Math.min(45, 25 + 2 * (int) Math.round(random.nextGaussian() * 4)));
			LocalDate mayorSince = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650));
			people.add(person(random, names, line, new Term(OfficeFunction.MAYOR, municipality, mayorSince, null)));
			for (int i = 0; i < Math.max(2, Math.min(9, Math.round(seats / 6.5f))); i++) {
				people.add(person(random, names, line, new Term(OfficeFunction.ALDERMAN, municipality, LocalDate.of(2022, 6, 1), null)));
			}
			for (int i = 0; i < seats; i++) {
				Term current = new Term(OfficeFunction.COUNCIL_MEMBER, municipality, LocalDate.of(2022, 3, 30), null);
				people.add(random.nextInt(100) < 30
						? person(random, names, line, current,
								new Term(OfficeFunction.COUNCIL_MEMBER, municipality, LocalDate.of(2018, 3, 29), LocalDate.of(2022, 3, 30)))
						: person(random, names, line, current));
			}
		}
		STATEN_SEATS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(province -> {
			for (int i = 0; i < province.getValue(); i++) {
				people.add(person(random, names, line,
						new Term(OfficeFunction.PROVINCIAL_COUNCIL_MEMBER, province.getKey(), LocalDate.of(2023, 3, 30), null)));
			}
			int executives = province.getValue() >= 55 ? 7 : 5;
			for (int i = 0; i < executives; i++) {
				people.add(person(random, names, line,
						new Term(OfficeFunction.PROVINCIAL_EXECUTIVE, province.getKey(), LocalDate.of(2023, 6, 1), null)));
			}
			people.add(person(random, names, line, new Term(OfficeFunction.KINGS_COMMISSIONER, province.getKey(),
					LocalDate.of(2016, 1, 1).plusDays(random.nextInt(2900)), null)));
		});
		return people;
	}

	private static Entry person(Random random, Names names, int[] line, Term... terms) {
		String first = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
		String last = names.surname(random);
		int number = line[0];
		String mail = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + "." + number + "@demo.example";
		String phone = String.format("+31 6 %08d", random.nextInt(100_000_000));
		List<Integer> lines = new ArrayList<>();
		for (int i = 0; i < terms.length; i++) {
			lines.add(line[0]++);
		}
		return new Entry(lines, new OfficeHolderData(first + " " + last, mail, phone, null, "demo-" + number,
				List.of(terms), null));
	}

	private void addHomeFront(Random random) {
		List<UUID> holders = jdbc.sql("select id from office_holder where external_id like 'demo-%' order by external_id")
			.query(UUID.class).list();
		for (UUID holder : holders) {
			if (random.nextInt(100) < 5) {
				boolean child = random.nextBoolean();
				registry.addHomeFront(holder, new HomeFrontData(child ? HomeFrontRelation.CHILD : HomeFrontRelation.PARTNER,
						child ? AgeBand.values()[random.nextInt(AgeBand.values().length)] : null, null, null, null), SYSTEM);
			}
		}
	}

	static Names names() {
		try (InputStream in = DemoOfficeHolders.class.getResourceAsStream("/demo/achternamen_top500.csv")) {
			List<String> surnames = new ArrayList<>();
			List<Integer> counts = new ArrayList<>();
			new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).forEach(row -> {
				// rank,surname,count_2007,...: the surname never holds a comma
				String[] fields = row.split(",", 4);
				surnames.add(fields[1]);
				counts.add(Integer.parseInt(fields[2]));
			});
			return new Names(surnames, counts);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Surnames drawn as often as they occur (2007 counts). */
	public record Names(List<String> surnames, List<Integer> counts) {

		String surname(Random random) {
			long total = counts.stream().mapToLong(Integer::longValue).sum();
			long pick = (long) (random.nextDouble() * total);
			for (int i = 0; i < surnames.size(); i++) {
				pick -= counts.get(i);
				if (pick < 0) {
					return surnames.get(i);
				}
			}
			return surnames.get(surnames.size() - 1);
		}

		public static Names load() {
			return names();
		}
	}
}
