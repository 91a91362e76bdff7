package nl.weerbaar.team;

import java.util.List;
import java.util.UUID;

/**
 * What a supporter sees of a colleague in the directory: who they are and where, nothing more. No contact details,
 * party, gender, absences, capacity or functions held (those are for coordinators and administrators).
 */
public record SupporterCard(UUID id, String name, SupporterKind kind, String organisation, List<String> languages,
		String provinceCode) {
}
