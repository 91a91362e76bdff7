package nl.weerbaar.team;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.weerbaar.registry.Term;
import nl.weerbaar.team.SupporterData.CompletedTraining;
import nl.weerbaar.team.SupporterData.Period;

public record SupporterView(UUID id, String name, String email, String phone, String party, List<Term> terms,
		SupporterKind kind, String organisation, Set<Expertise> expertise, Set<String> languages, String provinceCode,
		int capacity, boolean active, Gender gender, List<Period> absences, List<CompletedTraining> trainings,
		String externalId, UUID accountId) {
}
