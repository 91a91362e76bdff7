package nl.weerbaar.intake.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.weerbaar.intake.ConcernLevel;
import nl.weerbaar.intake.FirstContactDeadlines;
import nl.weerbaar.intake.FirstContactDeadlines.Rule;
import nl.weerbaar.intake.WorkingCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of intake ({@code weerbaar.intake.*}).
 *
 * @param firstContact when the first contact is due, per level of concern
 * @param publicForm the limits of the anonymous route
 */
@ConfigurationProperties("weerbaar.intake")
public record IntakeProperties(FirstContact firstContact, PublicForm publicForm) {

	/**
	 * Each level is in exactly one of {@code elapsed} (a duration) and {@code workingDays}.
	 *
	 * @param untriaged the rule while nobody has set a level
	 * @param endOfWorkingDay the time a working-day deadline falls on
	 * @param extraClosedDays days the office is closed beyond the public holidays
	 */
	public record FirstContact(Duration untriaged, Map<ConcernLevel, Duration> elapsed,
			Map<ConcernLevel, Integer> workingDays, LocalTime endOfWorkingDay, List<LocalDate> extraClosedDays) {

		FirstContactDeadlines deadlines() {
			Map<ConcernLevel, Rule> rules = new EnumMap<>(ConcernLevel.class);
			for (ConcernLevel level : ConcernLevel.values()) {
				Duration time = elapsed == null ? null : elapsed.get(level);
				Integer days = workingDays == null ? null : workingDays.get(level);
				if ((time == null) == (days == null)) {
					throw new IllegalStateException("weerbaar.intake.first-contact: give " + level
							+ " either an elapsed time or a number of working days");
				}
				rules.put(level, new Rule(time, days));
			}
			return new FirstContactDeadlines(rules, Rule.elapsed(untriaged), endOfWorkingDay,
					new WorkingCalendar(extraClosedDays == null ? Set.of() : Set.copyOf(extraClosedDays)));
		}
	}

	/**
	 * @param minFillTime a form sent back sooner than this after it was shown is taken for a bot's
	 * @param maxFormAge a form older than this is shown again (with what was typed) to be sent once more
	 * @param submissionsPerHour per network address
	 * @param wrongCodesPerHour wrong receipt codes per network address before lookups from it are refused for a while
	 * @param wrongCodesAlarmPerHour wrong receipt codes from all addresses together in an hour that raise the alarm
	 *        (guessing spread over many addresses); nobody is refused for it
	 */
	public record PublicForm(Duration minFillTime, Duration maxFormAge, int submissionsPerHour, int wrongCodesPerHour,
			int wrongCodesAlarmPerHour) {
	}
}
