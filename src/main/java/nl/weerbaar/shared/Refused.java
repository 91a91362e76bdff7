package nl.weerbaar.shared;

import java.util.List;

/**
 * A module refused what it was given: {@code violations} name each field (as a path, e.g. {@code terms[1].bodyCode}
 * or {@code incidents[0].kind}) with a message key. {@code conflict} is true when the input is fine in itself but
 * clashes with the current state (another mayor of the same municipality, a status change that is not allowed now).
 * The API answers 400 or 409 with a problem detail; pages show each message next to its field.
 */
public class Refused extends RuntimeException {

	public record Violation(String field, String code) {
	}

	private final List<Violation> violations;
	private final boolean conflict;

	public Refused(List<Violation> violations, boolean conflict) {
		super("refused: " + violations.stream().map(Violation::code).toList());
		this.violations = List.copyOf(violations);
		this.conflict = conflict;
	}

	public static Refused invalid(String field, String code) {
		return new Refused(List.of(new Violation(field, code)), false);
	}

	public static Refused conflict(String field, String code) {
		return new Refused(List.of(new Violation(field, code)), true);
	}

	/** Adds a violation when a text is missing though required ({@code field.required}) or longer than {@code max}. */
	public static void checkText(List<Violation> violations, String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				violations.add(new Violation(field, "field.required"));
			}
		}
		else if (value.strip().length() > max) {
			violations.add(new Violation(field, "field.tooLong"));
		}
	}

	/** Adds a violation ({@code field.tooMany}) when a list holds more than {@code max} items. */
	public static void checkSize(List<Violation> violations, String field, java.util.Collection<?> values, int max) {
		if (values != null && values.size() > max) {
			violations.add(new Violation(field, "field.tooMany"));
		}
	}

	/** Refuses as invalid input when anything was found. */
	public static void throwIfAny(List<Violation> violations) {
		if (!violations.isEmpty()) {
			throw new Refused(violations, false);
		}
	}

	public List<Violation> violations() {
		return violations;
	}

	public boolean conflict() {
		return conflict;
	}
}
