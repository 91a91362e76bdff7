package nl.weerbaar.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * When the first contact with the requester is due, counted from the moment the request came in. A rule is either
 * elapsed time (the desk works around the clock: an acute request taken in at night is due an hour later, across a
 * daylight-saving change too) or working days: the end of the working day ({@code endOfDay}, Amsterdam time) that is
 * that many working days after the day of intake, so a request taken in on Friday evening with one working day is due
 * on Monday at the end of the day. A request nobody has triaged yet is due by the {@code untriaged} rule: it may be
 * acute.
 */
public final class FirstContactDeadlines {

	public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	/** Either {@code elapsed} or {@code workingDays}. */
	public record Rule(Duration elapsed, Integer workingDays) {

		public Rule {
			if ((elapsed == null) == (workingDays == null) || (workingDays != null && workingDays < 1)
					|| (elapsed != null && (elapsed.isNegative() || elapsed.isZero()))) {
				throw new IllegalArgumentException("a first-contact rule is a positive elapsed time or a number of working days (≥ 1)");
			}
		}

		public static Rule elapsed(Duration elapsed) {
			return new Rule(elapsed, null);
		}

		public static Rule workingDays(int days) {
			return new Rule(null, days);
		}
	}

	private final Map<ConcernLevel, Rule> rules;
	private final Rule untriaged;
	private final LocalTime endOfDay;
	private final WorkingCalendar calendar;

	public FirstContactDeadlines(Map<ConcernLevel, Rule> rules, Rule untriaged, LocalTime endOfDay, WorkingCalendar calendar) {
		for (ConcernLevel level : ConcernLevel.values()) {
			if (!rules.containsKey(level)) {
				throw new IllegalArgumentException("no first-contact rule for " + level);
			}
		}
		this.rules = new EnumMap<>(rules);
		this.untriaged = untriaged;
		this.endOfDay = endOfDay;
		this.calendar = calendar;
	}

	/** The defaults: acute 1 hour, high 4 hours, moderate 1 working day, low 2 working days; untriaged 4 hours. */
	public static FirstContactDeadlines defaults() {
		return new FirstContactDeadlines(Map.of(ConcernLevel.ACUTE, Rule.elapsed(Duration.ofHours(1)),
				ConcernLevel.HIGH, Rule.elapsed(Duration.ofHours(4)), ConcernLevel.MODERATE, Rule.workingDays(1),
				ConcernLevel.LOW, Rule.workingDays(2)), Rule.elapsed(Duration.ofHours(4)), LocalTime.of(17, 0),
				new WorkingCalendar(java.util.Set.of()));
	}

	/** Due time of a request received at {@code receivedAt} with this level ({@code null}: not triaged yet). */
	public Instant dueAt(Instant receivedAt, ConcernLevel level) {
		Rule rule = level == null ? untriaged : rules.get(level);
		if (rule.elapsed() != null) {
			return receivedAt.plus(rule.elapsed());
		}
		LocalDate day = calendar.workingDaysAfter(receivedAt.atZone(AMSTERDAM).toLocalDate(), rule.workingDays());
		return day.atTime(endOfDay).atZone(AMSTERDAM).toInstant();
	}
}
