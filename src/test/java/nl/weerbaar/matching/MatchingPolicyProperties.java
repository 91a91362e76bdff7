package nl.weerbaar.matching;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.weerbaar.intake.ConcernLevel;
import nl.weerbaar.intake.IncidentKind;
import nl.weerbaar.registry.BodyKind;
import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.team.Expertise;
import nl.weerbaar.team.Gender;
import nl.weerbaar.team.SupporterKind;

import static org.assertj.core.api.Assertions.assertThat;

/** No suggestion ever breaks a hard rule: every supporter the policy lets through passes an independent check of each rule. */
class MatchingPolicyProperties {

	/** The settings of application.yml. */
	private static final MatchingRules DEFAULTS = new MatchingRules(4, true, true, MatchingRules.Region.NEARBY,
			new MatchingRules.Weights(30, 25, 10, 15, 20, 15, 10, 10));
	private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
	private static final MatchingPolicy POLICY = new MatchingPolicy(DEFAULTS);
	private static final List<TermFacts> BODIES = List.of(
			new TermFacts(null, "GM0437", BodyKind.MUNICIPALITY, List.of("PV27"), null, null),
			new TermFacts(null, "GM0363", BodyKind.MUNICIPALITY, List.of("PV27"), null, null),
			new TermFacts(null, "GM0344", BodyKind.MUNICIPALITY, List.of("PV26"), null, null),
			new TermFacts(null, "PV27", BodyKind.PROVINCE, List.of("PV27"), null, null),
			new TermFacts(null, "PV26", BodyKind.PROVINCE, List.of("PV26"), null, null),
			new TermFacts(null, "WS0155", BodyKind.WATER_BOARD, List.of("PV26", "PV27"), null, null));

	@Property(tries = 2000)
	void whoeverPassesKeepsEveryHardRule(@ForAll("requests") RequestProfile request, @ForAll("supporters") SupporterProfile supporter,
			@ForAll boolean passedOver) {
		Set<UUID> passed = passedOver ? Set.of(supporter.id()) : Set.of();
		List<Reason> exclusions = POLICY.exclusions(request, supporter, passed, TODAY);
		boolean keepsEveryRule = supporter.active()
				&& supporter.absences().stream().noneMatch(a -> !TODAY.isBefore(a.from()) && !TODAY.isAfter(a.to()))
				&& supporter.openCases() < supporter.capacity()
				&& (supporter.kind() != SupporterKind.PEER
						|| supporter.terms().stream().anyMatch(t -> t.function() == request.function())
						|| (request.homeFront() && supporter.expertise().contains(Expertise.HOME_FRONT)))
				&& !related(request.officeHolderTerms(), supporter.terms())
				&& !(request.notSameParty() && supporter.party() != null && supporter.party().equalsIgnoreCase(request.officeHolderParty()))
				&& !passedOver;
		assertThat(exclusions.isEmpty()).as("excluded %s", exclusions.stream().map(Reason::code).toList()).isEqualTo(keepsEveryRule);
		exclusions.forEach(reason -> assertThat(reason.nl()).isNotBlank());
		exclusions.forEach(reason -> assertThat(reason.en()).isNotBlank());
	}

	@Property(tries = 500)
	void aScoreIsTheSumOfItsReasonsAndNeverNegative(@ForAll("requests") RequestProfile request,
			@ForAll("supporters") SupporterProfile supporter) {
		List<Reason> contributions = POLICY.contributions(request, supporter);
		assertThat(contributions).allSatisfy(reason -> assertThat(reason.points()).isPositive());
		assertThat(MatchingPolicy.total(contributions)).isEqualTo(contributions.stream().mapToInt(Reason::points).sum());
	}

	@Example
	void aTermEndingFourYearsBeforeTheOtherStartsIsNoLongerARelation() {
		TermFacts council = term(OfficeFunction.COUNCIL_MEMBER, 0, LocalDate.of(2010, 1, 1), LocalDate.of(2018, 3, 29));
		assertThat(POLICY.relation(List.of(term(OfficeFunction.ALDERMAN, 0, LocalDate.of(2022, 3, 29), null)), List.of(council))).isEmpty();
		assertThat(POLICY.relation(List.of(term(OfficeFunction.ALDERMAN, 0, LocalDate.of(2022, 3, 28), null)), List.of(council)))
			.hasValueSatisfying(reason -> assertThat(reason.code()).isEqualTo("HIERARCHY_SAME_BODY"));
		assertThat(POLICY.relation(List.of(term(OfficeFunction.ALDERMAN, 0, LocalDate.of(2022, 3, 28), null)),
				List.of(term(OfficeFunction.PROVINCIAL_EXECUTIVE, 3, LocalDate.of(2019, 1, 1), null))))
			.hasValueSatisfying(reason -> assertThat(reason.code()).isEqualTo("HIERARCHY_PROVINCE"));
		assertThat(POLICY.relation(List.of(term(OfficeFunction.ALDERMAN, 0, LocalDate.of(2022, 3, 28), null)),
				List.of(term(OfficeFunction.PROVINCIAL_EXECUTIVE, 4, LocalDate.of(2019, 1, 1), null)))).as("another province").isEmpty();
		assertThat(POLICY.relation(List.of(term(OfficeFunction.PROVINCIAL_COUNCIL_MEMBER, 4, LocalDate.of(2023, 3, 30), null)),
				List.of(term(OfficeFunction.WATER_BOARD_MEMBER, 5, LocalDate.of(2019, 1, 1), null)))).as("a water board in both").isPresent();
		MatchingPolicy lenient = new MatchingPolicy(new MatchingRules(4, true, false, MatchingRules.Region.NEARBY,
				DEFAULTS.weights()));
		assertThat(lenient.relation(List.of(term(OfficeFunction.ALDERMAN, 0, LocalDate.of(2022, 3, 28), null)),
				List.of(term(OfficeFunction.PROVINCIAL_EXECUTIVE, 3, LocalDate.of(2019, 1, 1), null)))).as("configurable").isEmpty();
	}

	/** The rule, said another way: the days between the terms (negative when they overlap) are fewer than four years'. */
	private static boolean related(List<TermFacts> holder, List<TermFacts> supporter) {
		for (TermFacts a : holder) {
			for (TermFacts b : supporter) {
				LocalDate laterStart = a.start().isAfter(b.start()) ? a.start() : b.start();
				LocalDate earlierEnd = a.end() == null ? b.end() : b.end() == null ? a.end()
						: a.end().isBefore(b.end()) ? a.end() : b.end();
				boolean close = earlierEnd == null || ChronoUnit.DAYS.between(earlierEnd, laterStart) < ChronoUnit.DAYS.between(earlierEnd,
						earlierEnd.plusYears(4));
				boolean bodies = a.bodyCode().equals(b.bodyCode())
						|| (a.bodyKind() == BodyKind.PROVINCE && b.bodyKind() != BodyKind.PROVINCE && b.provinceCodes().contains(a.bodyCode()))
						|| (b.bodyKind() == BodyKind.PROVINCE && a.bodyKind() != BodyKind.PROVINCE && a.provinceCodes().contains(b.bodyCode()));
				if (close && bodies) {
					return true;
				}
			}
		}
		return false;
	}

	@Provide
	Arbitrary<RequestProfile> requests() {
		return Combinators.combine(Arbitraries.of(OfficeFunction.class), terms().list().ofMaxSize(2), Arbitraries.of(true, false),
				Arbitraries.of(true, false), Arbitraries.of("A", "B", null))
			.as((function, terms, homeFront, notSameParty, party) -> new RequestProfile(UUID.randomUUID(), ConcernLevel.MODERATE,
					function, "GM0437", List.of("PV27"), UUID.randomUUID(), homeFront, party, terms, "WHV", "Wethoudersvereniging",
					notSameParty, Gender.FEMALE, "nl", EnumSet.of(IncidentKind.ONLINE_ABUSE)));
	}

	@Provide
	Arbitrary<SupporterProfile> supporters() {
		Arbitrary<SupporterProfile.Absence> absences = Arbitraries.integers().between(-30, 30)
			.map(offset -> new SupporterProfile.Absence(TODAY.plusDays(offset), TODAY.plusDays(offset + 10)));
		return Combinators.combine(Arbitraries.of(SupporterKind.class), terms().list().ofMaxSize(2),
				Arbitraries.subsetOf(Expertise.values()), Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 4),
				Arbitraries.of(true, true, false), absences.list().ofMaxSize(1), Arbitraries.of("A", "b", null))
			.as((kind, terms, expertise, capacity, open, active, away, party) -> new SupporterProfile(UUID.randomUUID(), "S", kind,
					"WHV", party, terms, expertise, Set.of("nl"), "PV27", capacity, active, Gender.FEMALE, away, 1, open, 2, Set.of()));
	}

	private Arbitrary<TermFacts> terms() {
		Arbitrary<LocalDate> starts = Arbitraries.integers().between(0, 9000).map(days -> LocalDate.of(2000, 1, 1).plusDays(days));
		return Combinators.combine(Arbitraries.of(OfficeFunction.class), Arbitraries.integers().between(0, BODIES.size() - 1), starts,
				Arbitraries.integers().between(-1, 3000))
			.as((function, body, start, length) -> term(function, body, start, length < 0 ? null : start.plusDays(1 + length)));
	}

	private static TermFacts term(OfficeFunction function, int body, LocalDate start, LocalDate end) {
		TermFacts where = BODIES.get(body);
		return new TermFacts(function, where.bodyCode(), where.bodyKind(), where.provinceCodes(), start, end);
	}
}
