package nl.weerbaar.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.weerbaar.team.Expertise;
import nl.weerbaar.team.Gender;
import nl.weerbaar.team.SupporterKind;

/**
 * A supporter as the rules see them, with their current load.
 *
 * @param openCases accepted cases still open plus proposals awaiting an answer
 * @param closedCases cases they saw to the end
 * @param supported office holders they supported before
 */
public record SupporterProfile(UUID id, String name, SupporterKind kind, String organisation, String party,
		List<TermFacts> terms, Set<Expertise> expertise, Set<String> languages, String provinceCode, int capacity,
		boolean active, Gender gender, List<Absence> absences, int trainings, int openCases, int closedCases,
		Set<UUID> supported) {

	public record Absence(LocalDate from, LocalDate to) {
	}
}
