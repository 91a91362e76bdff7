package nl.weerbaar.registry;

import java.util.List;

/**
 * The registry refused data: {@code violations} name each field (as a path, e.g. {@code terms[1].bodyCode}) and a
 * message key. {@code conflict} is true when the data is fine in itself but clashes with someone else's (another
 * mayor of the same municipality).
 */
public class RegistryRefused extends RuntimeException {

	public record Violation(String field, String code) {
	}

	private final List<Violation> violations;
	private final boolean conflict;

	public RegistryRefused(List<Violation> violations, boolean conflict) {
		super("registry refused: " + violations.stream().map(Violation::code).toList());
		this.violations = List.copyOf(violations);
		this.conflict = conflict;
	}

	public List<Violation> violations() {
		return violations;
	}

	public boolean conflict() {
		return conflict;
	}
}
