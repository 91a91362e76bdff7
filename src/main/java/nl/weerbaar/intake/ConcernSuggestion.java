package nl.weerbaar.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A suggested level of concern with its reasons. Decision support only: the coordinator sets the level; the
 * suggestion is shown beside it and kept for review, never applied by itself.
 *
 * @param level the lowest level the reasons point to
 * @param reasons each as a message key and the level it points to
 */
public record ConcernSuggestion(ConcernLevel level, List<Reason> reasons) {

	public record Reason(String code, ConcernLevel level) {
	}

	/** What the rules say about these answers and incidents. Unanswered behaviours count as {@link Answer#UNKNOWN}. */
	public static ConcernSuggestion of(Map<WarningBehaviour, Answer> answers, Collection<IncidentFacts> incidents) {
		List<Reason> reasons = new ArrayList<>();
		boolean pathway = answers.get(WarningBehaviour.PATHWAY) == Answer.YES;
		boolean imminent = answers.get(WarningBehaviour.ENERGY_BURST) == Answer.YES
				|| answers.get(WarningBehaviour.LAST_RESORT) == Answer.YES;
		if (pathway && imminent) {
			reasons.add(new Reason("concern.reason.pathwayAndImminent", ConcernLevel.ACUTE));
		}
		for (WarningBehaviour serious : List.of(WarningBehaviour.PATHWAY, WarningBehaviour.ENERGY_BURST, WarningBehaviour.LAST_RESORT)) {
			if (answers.get(serious) == Answer.YES) {
				reasons.add(new Reason("concern.reason.yes." + serious, ConcernLevel.HIGH));
			}
		}
		long otherYes = answers.entrySet().stream()
			.filter(e -> e.getValue() == Answer.YES)
			.filter(e -> e.getKey() != WarningBehaviour.PATHWAY && e.getKey() != WarningBehaviour.ENERGY_BURST
					&& e.getKey() != WarningBehaviour.LAST_RESORT)
			.count();
		if (otherYes >= 2) {
			reasons.add(new Reason("concern.reason.severalBehaviours", ConcernLevel.MODERATE));
		}
		else if (otherYes == 1) {
			reasons.add(new Reason("concern.reason.oneBehaviour", ConcernLevel.MODERATE));
		}
		if (incidents.stream().anyMatch(i -> i.perpetrator() == Perpetrator.ORGANISED_CRIME_SUSPECTED
				|| i.kind() == IncidentKind.SUBVERSION_APPROACH)) {
			reasons.add(new Reason("concern.reason.organisedCrime", ConcernLevel.HIGH));
		}
		if (incidents.stream().anyMatch(i -> i.kind() == IncidentKind.PHYSICAL_VIOLENCE)) {
			reasons.add(new Reason("concern.reason.physicalViolence", ConcernLevel.HIGH));
		}
		if (incidents.stream().anyMatch(i -> i.kind() == IncidentKind.INTIMIDATION_AT_HOME || i.kind() == IncidentKind.STALKING
				|| i.kind() == IncidentKind.DOXXING)) {
			reasons.add(new Reason("concern.reason.privateSphere", ConcernLevel.MODERATE));
		}
		if (incidents.stream().anyMatch(IncidentFacts::homeFrontInvolved)) {
			reasons.add(new Reason("concern.reason.homeFront", ConcernLevel.MODERATE));
		}
		if (reasons.isEmpty()) {
			reasons.add(new Reason("concern.reason.none", ConcernLevel.LOW));
		}
		ConcernLevel level = reasons.stream().map(Reason::level).reduce(ConcernLevel.LOW, ConcernLevel::atLeast);
		return new ConcernSuggestion(level, List.copyOf(reasons));
	}

	/** The facts of an incident the rules look at. */
	public record IncidentFacts(IncidentKind kind, Perpetrator perpetrator, boolean homeFrontInvolved) {
	}
}
