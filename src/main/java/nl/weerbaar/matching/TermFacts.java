package nl.weerbaar.matching;

import java.time.LocalDate;
import java.util.List;

import nl.weerbaar.registry.BodyKind;
import nl.weerbaar.registry.OfficeFunction;

/** A term as the rules see it: which function in which body, where that body lies, and when. {@code end} null: ongoing. */
public record TermFacts(OfficeFunction function, String bodyCode, BodyKind bodyKind, List<String> provinceCodes,
		LocalDate start, LocalDate end) {
}
