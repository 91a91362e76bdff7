package nl.weerbaar.registry;

import java.util.List;

import nl.weerbaar.registry.Registry.OfficeHolderData;

/** Types of the bulk import of office holders (a griffie's list): one entry per person, with the lines it came from. */
public final class OfficeHolderImport {

	private OfficeHolderImport() {
	}

	/**
	 * One person from the file. {@code lines} are the file's line numbers, one per term (in the order of
	 * {@code data.terms()}), the first also for the person's own fields.
	 */
	public record Entry(List<Integer> lines, OfficeHolderData data) {
	}

	public record LineError(int line, String field, String code) {
	}

	/** What an import did; importing the same file again gives created = updated = 0. */
	public record Result(int created, int updated, int unchanged) {
	}

	/** Nothing was imported: every line in error is named. */
	public static class Refused extends RuntimeException {

		private final List<LineError> errors;

		public Refused(List<LineError> errors) {
			super(errors.size() + " lines in error");
			this.errors = List.copyOf(errors);
		}

		public List<LineError> errors() {
			return errors;
		}
	}
}
