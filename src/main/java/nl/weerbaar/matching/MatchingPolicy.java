package nl.weerbaar.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.weerbaar.intake.IncidentKind;
import nl.weerbaar.registry.BodyKind;
import nl.weerbaar.team.Expertise;
import nl.weerbaar.team.SupporterKind;

/**
 * Who may support whom, and how well they fit: the hard rules with a reason for every exclusion, and a score with the
 * contribution of every criterion. Spring-free and deterministic; the same inputs give the same answer.
 */
public final class MatchingPolicy {

	private static final Map<IncidentKind, Set<Expertise>> EXPERTISE_FOR = new EnumMap<>(Map.ofEntries(
			Map.entry(IncidentKind.ONLINE_ABUSE, Set.of(Expertise.ONLINE_ABUSE, Expertise.MEDIA)),
			Map.entry(IncidentKind.DOXXING, Set.of(Expertise.ONLINE_ABUSE, Expertise.HOME_SECURITY)),
			Map.entry(IncidentKind.DISCRIMINATION, Set.of(Expertise.DISCRIMINATION)),
			Map.entry(IncidentKind.SUBVERSION_APPROACH, Set.of(Expertise.SUBVERSION, Expertise.POLICE_REPORT)),
			Map.entry(IncidentKind.INTIMIDATION_AT_HOME, Set.of(Expertise.HOME_SECURITY, Expertise.HOME_FRONT)),
			Map.entry(IncidentKind.DAMAGE_TO_PROPERTY, Set.of(Expertise.HOME_SECURITY, Expertise.POLICE_REPORT)),
			Map.entry(IncidentKind.STALKING, Set.of(Expertise.HOME_SECURITY, Expertise.LEGAL)),
			Map.entry(IncidentKind.PHYSICAL_VIOLENCE, Set.of(Expertise.PSYCHOSOCIAL, Expertise.AFTERCARE, Expertise.POLICE_REPORT)),
			Map.entry(IncidentKind.VERBAL_THREAT, Set.of(Expertise.PSYCHOSOCIAL, Expertise.POLICE_REPORT)),
			Map.entry(IncidentKind.WRITTEN_THREAT, Set.of(Expertise.POLICE_REPORT, Expertise.LEGAL)),
			Map.entry(IncidentKind.OTHER, Set.of(Expertise.PSYCHOSOCIAL))));

	private final MatchingRules rules;

	public MatchingPolicy(MatchingRules rules) {
		this.rules = rules;
	}

	public MatchingRules rules() {
		return rules;
	}

	/**
	 * Every hard rule the supporter breaks for this request; empty when they may be proposed.
	 *
	 * @param passedOver supporters who declined this request or were moved off it
	 */
	public List<Reason> exclusions(RequestProfile request, SupporterProfile supporter, Set<UUID> passedOver, LocalDate today) {
		List<Reason> reasons = new ArrayList<>();
		if (!supporter.active()) {
			reasons.add(Reason.exclusion("INACTIVE", "Is niet actief in het ondersteuningsteam.", "Is not active in the support team."));
		}
		supporter.absences().stream()
			.filter(absence -> !today.isBefore(absence.from()) && !today.isAfter(absence.to()))
			.findFirst()
			.ifPresent(absence -> reasons.add(Reason.exclusion("ABSENT", "Is afwezig tot en met " + absence.to() + ".",
					"Is away until " + absence.to() + ".")));
		if (supporter.openCases() >= supporter.capacity()) {
			reasons.add(Reason.exclusion("NO_CAPACITY",
					"Heeft geen ruimte: " + supporter.openCases() + " van " + supporter.capacity() + " plaatsen bezet.",
					"Has no room: " + supporter.openCases() + " of " + supporter.capacity() + " places taken."));
		}
		if (supporter.kind() == SupporterKind.PEER && !peerFits(request, supporter)) {
			reasons.add(request.homeFront()
					? Reason.exclusion("PEER_FUNCTION", "Ervaringsdeskundige zonder de functie van de ambtsdrager en zonder ervaring met het thuisfront.",
							"Peer who neither held the office holder's function nor has home-front expertise.")
					: Reason.exclusion("PEER_FUNCTION", "Ervaringsdeskundige die de functie van de hulpvrager niet heeft bekleed.",
							"Peer who has not held the requester's function."));
		}
		relation(request.officeHolderTerms(), supporter.terms()).ifPresent(reasons::add);
		if (request.notSameParty() && request.officeHolderParty() != null && supporter.party() != null
				&& request.officeHolderParty().strip().equalsIgnoreCase(supporter.party().strip())) {
			reasons.add(Reason.exclusion("SAME_PARTY", "De hulpvrager wil geen ondersteuner van de eigen partij.",
					"The requester asked for a supporter outside their own party."));
		}
		if (passedOver.contains(supporter.id())) {
			reasons.add(Reason.exclusion("PASSED_OVER", "Heeft deze hulpvraag afgewezen of is er eerder van gehaald.",
					"Declined this request or was moved off it before."));
		}
		return reasons;
	}

	/** The score and what each criterion added to it, for a supporter who passed the hard rules. */
	public List<Reason> contributions(RequestProfile request, SupporterProfile supporter) {
		MatchingRules.Weights w = rules.weights();
		List<Reason> reasons = new ArrayList<>();
		if (supporter.kind() == SupporterKind.CONFIDANT && request.associationCode() != null && supporter.organisation() != null
				&& (supporter.organisation().equalsIgnoreCase(request.associationCode())
						|| supporter.organisation().equalsIgnoreCase(request.associationName()))) {
			reasons.add(new Reason("ASSOCIATION", w.association(), "Vertrouwenspersoon van de eigen vereniging ("
					+ supporter.organisation() + ").", "Confidant from the requester's own association (" + supporter.organisation() + ")."));
		}
		Set<IncidentKind> kinds = request.incidentKinds();
		if (!kinds.isEmpty()) {
			long fitting = kinds.stream()
				.filter(kind -> EXPERTISE_FOR.getOrDefault(kind, Set.of()).stream().anyMatch(supporter.expertise()::contains))
				.count();
			if (fitting > 0) {
				reasons.add(new Reason("EXPERTISE", (int) Math.round(w.expertise() * (double) fitting / kinds.size()),
						"Deskundig in " + fitting + " van de " + kinds.size() + " soorten incidenten.",
						"Expertise in " + fitting + " of " + kinds.size() + " kinds of incident."));
			}
		}
		if (request.homeFront() && supporter.expertise().contains(Expertise.HOME_FRONT)) {
			reasons.add(new Reason("HOME_FRONT", Math.round(w.expertise() / 2f), "Ervaring met het thuisfront.",
					"Experienced with the home front."));
		}
		boolean sameProvince = supporter.provinceCode() != null && request.provinceCodes().contains(supporter.provinceCode());
		if (!request.provinceCodes().isEmpty() && supporter.provinceCode() != null) {
			if (rules.region() == MatchingRules.Region.NEARBY && sameProvince) {
				reasons.add(new Reason("REGION", w.region(), "Woont in dezelfde provincie (voor een bezoek thuis).",
						"Lives in the same province (for a home visit)."));
			}
			else if (rules.region() == MatchingRules.Region.FAR && !sameProvince) {
				reasons.add(new Reason("REGION", w.region(), "Woont in een andere provincie (voor de discretie).",
						"Lives in another province (for discretion)."));
			}
		}
		if (request.language() != null && supporter.languages().contains(request.language())) {
			reasons.add(new Reason("LANGUAGE", w.language(), "Spreekt de gevraagde taal (" + request.language() + ").",
					"Speaks the language asked for (" + request.language() + ")."));
		}
		if (request.officeHolderId() != null && supporter.supported().contains(request.officeHolderId())) {
			reasons.add(new Reason("CONTINUITY", w.continuity(), "Heeft deze ambtsdrager eerder ondersteund.",
					"Supported this office holder before."));
		}
		if (supporter.capacity() > 0) {
			int points = (int) Math.round(w.load() * (1 - (double) supporter.openCases() / supporter.capacity()));
			if (points > 0) {
				reasons.add(new Reason("LOAD", points, supporter.openCases() + " van " + supporter.capacity() + " plaatsen bezet.",
						supporter.openCases() + " of " + supporter.capacity() + " places taken."));
			}
		}
		int experience = supporter.closedCases() + supporter.trainings();
		if (experience > 0) {
			reasons.add(new Reason("EXPERIENCE", (int) Math.round(w.experience() * Math.min(1.0, experience / 10.0)),
					supporter.closedCases() + " afgeronde ondersteuningen en " + supporter.trainings() + " trainingen.",
					supporter.closedCases() + " cases seen through and " + supporter.trainings() + " trainings."));
		}
		if (request.supporterGender() != null && request.supporterGender() == supporter.gender()) {
			reasons.add(new Reason("WISHES", w.wishes(), "Past bij de wens van de hulpvrager.", "Fits the requester's wish."));
		}
		return reasons;
	}

	public static int total(List<Reason> contributions) {
		return contributions.stream().mapToInt(Reason::points).sum();
	}

	private static boolean peerFits(RequestProfile request, SupporterProfile supporter) {
		boolean heldFunction = request.function() != null
				&& supporter.terms().stream().anyMatch(term -> term.function() == request.function());
		return heldFunction || (request.homeFront() && supporter.expertise().contains(Expertise.HOME_FRONT));
	}

	/** The hierarchical-relation rule: a reason when any of the supporter's terms relates to any of the office holder's. */
	java.util.Optional<Reason> relation(List<TermFacts> officeHolder, List<TermFacts> supporter) {
		for (TermFacts a : officeHolder) {
			for (TermFacts b : supporter) {
				if (!closeInTime(a, b)) {
					continue;
				}
				if (rules.sameBody() && a.bodyCode().equals(b.bodyCode())) {
					return java.util.Optional.of(Reason.exclusion("HIERARCHY_SAME_BODY",
							"Diende in hetzelfde bestuursorgaan (" + a.bodyCode() + ") met termijnen die overlappen of minder dan "
									+ rules.hierarchyGapYears() + " jaar uiteen liggen.",
							"Served in the same body (" + a.bodyCode() + ") with terms overlapping or less than "
									+ rules.hierarchyGapYears() + " years apart."));
				}
				if (rules.provinceOverLocal() && (over(a, b) || over(b, a))) {
					TermFacts province = a.bodyKind() == BodyKind.PROVINCE ? a : b;
					TermFacts local = province == a ? b : a;
					return java.util.Optional.of(Reason.exclusion("HIERARCHY_PROVINCE",
							"Provincie " + province.bodyCode() + " houdt toezicht op " + local.bodyCode()
									+ " en de termijnen overlappen of liggen minder dan " + rules.hierarchyGapYears() + " jaar uiteen.",
							"Province " + province.bodyCode() + " supervises " + local.bodyCode()
									+ " and the terms overlap or are less than " + rules.hierarchyGapYears() + " years apart."));
				}
			}
		}
		return java.util.Optional.empty();
	}

	private static boolean over(TermFacts province, TermFacts local) {
		return province.bodyKind() == BodyKind.PROVINCE
				&& (local.bodyKind() == BodyKind.MUNICIPALITY || local.bodyKind() == BodyKind.WATER_BOARD)
				&& local.provinceCodes().contains(province.bodyCode());
	}

	/** Overlapping, or the one ended less than the gap before the other started (an ongoing term never ends). */
	private boolean closeInTime(TermFacts a, TermFacts b) {
		return startsBeforeGapAfter(a, b) && startsBeforeGapAfter(b, a);
	}

	private boolean startsBeforeGapAfter(TermFacts first, TermFacts second) {
		return first.end() == null || second.start().isBefore(first.end().plusYears(rules.hierarchyGapYears()));
	}
}
