package nl.weerbaar.matching.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.weerbaar.intake.Intake;
import nl.weerbaar.matching.RequestProfile;
import nl.weerbaar.matching.SupporterProfile;
import nl.weerbaar.matching.TermFacts;
import nl.weerbaar.registry.Bodies;
import nl.weerbaar.registry.Body;
import nl.weerbaar.registry.Registry;
import nl.weerbaar.registry.Registry.FunctionAssociation;
import nl.weerbaar.registry.Registry.PersonConcerned;
import nl.weerbaar.registry.Term;
import nl.weerbaar.team.Team;
import nl.weerbaar.team.SupporterView;
import org.springframework.stereotype.Component;

/** Builds what the policy sees from the intake, registry and team modules' APIs: no content, no contact details. */
@Component
public class Profiles {

	private final Registry registry;
	private final Bodies bodies;
	private final Team team;
	private final Assignments assignments;

	Profiles(Registry registry, Bodies bodies, Team team, Assignments assignments) {
		this.registry = registry;
		this.bodies = bodies;
		this.team = team;
		this.assignments = assignments;
	}

	public RequestProfile request(Intake.Facts facts) {
		return requests(List.of(facts)).get(0);
	}

	/** Many at once (a batch): the associations and bodies are read once for all of them. */
	public List<RequestProfile> requests(List<Intake.Facts> requests) {
		List<FunctionAssociation> associations = registry.associations();
		Map<UUID, PersonConcerned> holders = registry.officeHoldersConcerned(requests.stream()
			.map(Intake.Facts::officeHolderId).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
		Map<UUID, Optional<PersonConcerned>> people = new java.util.HashMap<>();
		requests.forEach(facts -> people.put(facts.id(), Optional.ofNullable(facts.officeHolderId()).map(holders::get)));
		Set<String> codes = new HashSet<>();
		requests.forEach(facts -> {
			if (facts.bodyCode() != null) {
				codes.add(facts.bodyCode());
			}
			people.get(facts.id()).ifPresent(person -> person.terms().forEach(term -> codes.add(term.bodyCode())));
		});
		Map<String, Body> known = bodies.byCodes(codes);
		return requests.stream().map(facts -> {
			Optional<PersonConcerned> person = people.get(facts.id());
			List<Term> terms = person.map(PersonConcerned::terms).orElse(List.of());
			Optional<FunctionAssociation> association = associations.stream().filter(a -> a.function() == facts.function()).findFirst();
			Body body = facts.bodyCode() == null ? null : known.get(facts.bodyCode());
			return new RequestProfile(facts.id(), facts.level(), facts.function(), facts.bodyCode(),
					body == null ? List.of() : body.provinceCodes(), facts.officeHolderId(), facts.homeFront(),
					person.map(PersonConcerned::party).orElse(null), termFacts(terms, known),
					association.map(FunctionAssociation::associationCode).orElse(null),
					association.map(FunctionAssociation::associationName).orElse(null), facts.notSameParty(),
					facts.supporterGender(), facts.language(), facts.incidentKinds());
		}).toList();
	}

	/** Every supporter with their load; call within the transaction that acts on it, after locking who matters. */
	public List<SupporterProfile> supporters() {
		List<SupporterView> roster = team.roster();
		Map<UUID, Assignments.Stats> stats = assignments.stats();
		Set<String> codes = new HashSet<>();
		roster.forEach(s -> s.terms().forEach(t -> codes.add(t.bodyCode())));
		Map<String, Body> known = bodies.byCodes(codes);
		return roster.stream().map(s -> {
			Assignments.Stats load = stats.getOrDefault(s.id(), Assignments.Stats.NONE);
			return new SupporterProfile(s.id(), s.name(), s.kind(), s.organisation(), s.party(), termFacts(s.terms(), known),
					s.expertise(), s.languages(), s.provinceCode(), s.capacity(), s.active(), s.gender(),
					s.absences().stream().map(a -> new SupporterProfile.Absence(a.from(), a.to())).toList(), s.trainings().size(),
					load.open(), load.closed(), load.supported());
		}).toList();
	}

	/** Every supporter's name, for lists of proposals (no load or history needed). */
	public Map<UUID, String> names() {
		return team.names();
	}

	/** The account of each supporter who has one. */
	public Map<UUID, UUID> supportersWithAccounts() {
		Map<UUID, UUID> accounts = new java.util.HashMap<>();
		team.roster().stream().filter(s -> s.accountId() != null).forEach(s -> accounts.put(s.id(), s.accountId()));
		return accounts;
	}

	/** The supporter profile of this account, if it belongs to a supporter. */
	public Optional<SupporterView> supporterOf(UUID account) {
		return team.roster().stream().filter(s -> account.equals(s.accountId())).findFirst();
	}

	private static List<TermFacts> termFacts(Collection<Term> terms, Map<String, Body> known) {
		return terms.stream().map(term -> {
			Body body = known.get(term.bodyCode());
			return new TermFacts(term.function(), term.bodyCode(), body == null ? null : body.kind(),
					body == null ? List.of() : body.provinceCodes(), term.start(), term.end());
		}).toList();
	}
}
