package nl.weerbaar.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules one list of terms must keep, on its own (rules across people, like one mayor per municipality, are the
 * registry's): a known function and body, the body of the kind the function is held in, a start, an end after the
 * start, and no two terms of the same function in the same body overlapping. Spring-free.
 */
public final class TermRules {

	/** One broken rule: which term (index in the list), which field, which message key. */
	public record Violation(int term, String field, String code) {
	}

	private TermRules() {
	}

	/** @param bodyKinds the kind of every body code that exists */
	public static List<Violation> check(List<Term> terms, Map<String, BodyKind> bodyKinds) {
		List<Violation> violations = new ArrayList<>();
		for (int i = 0; i < terms.size(); i++) {
			Term term = terms.get(i);
			if (term == null) {
				violations.add(new Violation(i, "function", "term.required"));
				continue;
			}
			if (term.function() == null) {
				violations.add(new Violation(i, "function", "term.function.required"));
			}
			BodyKind kind = term.bodyCode() == null ? null : bodyKinds.get(term.bodyCode());
			if (kind == null) {
				violations.add(new Violation(i, "bodyCode", "term.body.unknown"));
			}
			else if (term.function() != null && term.function().bodyKind() != kind) {
				violations.add(new Violation(i, "bodyCode", "term.body.wrongKind." + term.function().bodyKind()));
			}
			if (term.start() == null) {
				violations.add(new Violation(i, "start", "term.start.required"));
			}
			else if (term.end() != null && !term.end().isAfter(term.start())) {
				violations.add(new Violation(i, "end", "term.end.beforeStart"));
			}
		}
		if (violations.isEmpty()) {
			for (int i = 0; i < terms.size(); i++) {
				for (int j = i + 1; j < terms.size(); j++) {
					Term a = terms.get(i);
					Term b = terms.get(j);
					if (a.function() == b.function() && a.bodyCode().equals(b.bodyCode()) && a.overlaps(b)) {
						violations.add(new Violation(j, "start", "term.overlaps"));
					}
				}
			}
		}
		return violations;
	}
}
