package nl.weerbaar.matching;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.weerbaar.intake.ConcernLevel;
import nl.weerbaar.intake.IncidentKind;
import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.team.Gender;

/**
 * What matching knows of a request: no content, only what the rules and the scores need.
 *
 * @param officeHolderId the office holder concerned (for a home-front requester: theirs); null while pseudonymous
 * @param officeHolderTerms that office holder's terms, for the hierarchical-relation rule
 * @param associationCode the association of the function concerned (its confidants come from it)
 * @param provinceCodes where the body concerned lies
 */
public record RequestProfile(UUID requestId, ConcernLevel level, OfficeFunction function, String bodyCode,
		List<String> provinceCodes, UUID officeHolderId, boolean homeFront, String officeHolderParty,
		List<TermFacts> officeHolderTerms, String associationCode, String associationName, boolean notSameParty,
		Gender supporterGender, String language, Set<IncidentKind> incidentKinds) {
}
