package nl.weerbaar.team;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.weerbaar.registry.Term;

/** A supporter as given to the API or a form. {@code active} defaults to true; {@code accountId} links a SUPPORTER account. */
public record SupporterData(String name, String email, String phone, String party, List<Term> terms, SupporterKind kind,
		String organisation, Set<Expertise> expertise, Set<String> languages, String provinceCode, int capacity,
		Boolean active, Gender gender, List<Period> absences, List<CompletedTraining> trainings, String externalId,
		UUID accountId) {

	public record Period(LocalDate from, LocalDate to) {
	}

	public record CompletedTraining(String name, LocalDate completedOn) {
	}
}
