package nl.weerbaar.intake;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.weerbaar.intake.ConcernSuggestion.IncidentFacts;

import static org.assertj.core.api.Assertions.assertThat;

class ConcernSuggestionProperties {

	@Property
	void aYesOnPathwayEnergyBurstOrLastResortSuggestsAtLeastHigh(@ForAll("answers") Map<WarningBehaviour, Answer> answers,
			@ForAll("incidents") List<IncidentFacts> incidents) {
		ConcernLevel level = ConcernSuggestion.of(answers, incidents).level();
		boolean serious = answers.get(WarningBehaviour.PATHWAY) == Answer.YES
				|| answers.get(WarningBehaviour.ENERGY_BURST) == Answer.YES || answers.get(WarningBehaviour.LAST_RESORT) == Answer.YES;
		if (serious) {
			assertThat(level).isGreaterThanOrEqualTo(ConcernLevel.HIGH);
		}
	}

	@Property
	void moreYesNeverLowersTheSuggestion(@ForAll("answers") Map<WarningBehaviour, Answer> answers,
			@ForAll WarningBehaviour changed, @ForAll("incidents") List<IncidentFacts> incidents) {
		Map<WarningBehaviour, Answer> more = new EnumMap<>(answers);
		more.put(changed, Answer.YES);
		assertThat(ConcernSuggestion.of(more, incidents).level())
			.isGreaterThanOrEqualTo(ConcernSuggestion.of(answers, incidents).level());
	}

	@Property
	void everySuggestionHasAReasonAtItsLevel(@ForAll("answers") Map<WarningBehaviour, Answer> answers,
			@ForAll("incidents") List<IncidentFacts> incidents) {
		ConcernSuggestion suggestion = ConcernSuggestion.of(answers, incidents);
		assertThat(suggestion.reasons()).isNotEmpty();
		assertThat(suggestion.reasons()).anySatisfy(reason -> assertThat(reason.level()).isEqualTo(suggestion.level()));
		assertThat(suggestion.reasons()).allSatisfy(reason -> assertThat(reason.level()).isLessThanOrEqualTo(suggestion.level()));
	}

	@Example
	void pathwayWithALastResortSuggestsAcuteAndNothingKnownSuggestsLow() {
		assertThat(ConcernSuggestion.of(Map.of(WarningBehaviour.PATHWAY, Answer.YES, WarningBehaviour.LAST_RESORT, Answer.YES),
				List.of()).level()).isEqualTo(ConcernLevel.ACUTE);
		ConcernSuggestion none = ConcernSuggestion.of(Map.of(), List.of());
		assertThat(none.level()).isEqualTo(ConcernLevel.LOW);
		assertThat(none.reasons()).extracting(ConcernSuggestion.Reason::code).containsExactly("concern.reason.none");
	}

	@Example
	void suspectedOrganisedCrimeSuggestsHighWithoutAnyWarningBehaviour() {
		ConcernSuggestion suggestion = ConcernSuggestion.of(Map.of(),
				List.of(new IncidentFacts(IncidentKind.WRITTEN_THREAT, Perpetrator.ORGANISED_CRIME_SUSPECTED, false)));
		assertThat(suggestion.level()).isEqualTo(ConcernLevel.HIGH);
		assertThat(suggestion.reasons()).extracting(ConcernSuggestion.Reason::code).containsExactly("concern.reason.organisedCrime");
	}

	@Provide
	Arbitrary<Map<WarningBehaviour, Answer>> answers() {
		return Arbitraries.maps(Arbitraries.of(WarningBehaviour.class), Arbitraries.of(Answer.class)).ofMaxSize(8)
			.map(map -> map.isEmpty() ? new EnumMap<>(WarningBehaviour.class) : new EnumMap<>(map));
	}

	@Provide
	Arbitrary<List<IncidentFacts>> incidents() {
		return Arbitraries.of(IncidentKind.class)
			.flatMap(kind -> Arbitraries.of(Perpetrator.class)
				.flatMap(perpetrator -> Arbitraries.of(true, false).map(home -> new IncidentFacts(kind, perpetrator, home))))
			.list()
			.ofMaxSize(4);
	}
}
