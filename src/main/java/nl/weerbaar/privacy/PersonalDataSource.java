package nl.weerbaar.privacy;

import java.util.Map;

/**
 * A module's part of a person's data export (AVG art. 15). Each module that keeps data about people contributes
 * one bean; the export gathers them all.
 */
public interface PersonalDataSource {

	/** The section's name in the export, e.g. {@code "registry"}. */
	String section();

	/** What this module holds about the person, opened and readable; empty when nothing. */
	Map<String, Object> export(SubjectId subject);

	/**
	 * What this module sealed under keys of its own that belongs to the person (their support requests): erasing the
	 * person shreds these too.
	 */
	default java.util.List<SubjectId> dependents(SubjectId subject) {
		return java.util.List.of();
	}
}
