package nl.weerbaar.registry;

import java.time.LocalDate;

/**
 * A function held in a body for a period; {@code end} is null while it lasts. Office holders and supporters (the
 * functions they held) both have terms.
 */
public record Term(OfficeFunction function, String bodyCode, LocalDate start, LocalDate end) {

	/** True when both terms share at least one day; the end day itself is the first day out of office. */
	public boolean overlaps(Term other) {
		return start.isBefore(other.endOrMax()) && other.start.isBefore(endOrMax());
	}

	/** True on {@code day}. */
	public boolean isCurrentOn(LocalDate day) {
		return !start.isAfter(day) && (end == null || end.isAfter(day));
	}

	private LocalDate endOrMax() {
		return end == null ? LocalDate.MAX : end;
	}
}
