package nl.weerbaar.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Deadlines over years of random intake moments, holidays and clock changes included. */
class FirstContactDeadlinesProperties {

	private static final FirstContactDeadlines DEADLINES = FirstContactDeadlines.defaults();
	private static final WorkingCalendar CALENDAR = new WorkingCalendar(Set.of());

	@Property(tries = 3000)
	void hoursAreElapsedTimeWhateverTheClockDoes(@ForAll @LongRange(min = 1_704_067_200L, max = 1_924_992_000L) long epochSecond) {
		Instant received = Instant.ofEpochSecond(epochSecond);
		assertThat(Duration.between(received, DEADLINES.dueAt(received, ConcernLevel.ACUTE))).isEqualTo(Duration.ofHours(1));
		assertThat(Duration.between(received, DEADLINES.dueAt(received, ConcernLevel.HIGH))).isEqualTo(Duration.ofHours(4));
	}

	@Property(tries = 3000)
	void workingDaysEndAtFiveOnTheNthWorkingDayAfterTheDayOfIntake(
			@ForAll @LongRange(min = 1_704_067_200L, max = 1_924_992_000L) long epochSecond) {
		Instant received = Instant.ofEpochSecond(epochSecond);
		LocalDate day = received.atZone(FirstContactDeadlines.AMSTERDAM).toLocalDate();
		for (ConcernLevel level : new ConcernLevel[] { ConcernLevel.MODERATE, ConcernLevel.LOW }) {
			int n = level == ConcernLevel.MODERATE ? 1 : 2;
			ZonedDateTime due = DEADLINES.dueAt(received, level).atZone(FirstContactDeadlines.AMSTERDAM);
			assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(17, 0));
			assertThat(CALENDAR.isWorkingDay(due.toLocalDate())).as("due on a working day").isTrue();
			long workingDaysBetween = day.plusDays(1).datesUntil(due.toLocalDate()).filter(CALENDAR::isWorkingDay).count();
			assertThat(workingDaysBetween).as("working days between intake day and due day").isEqualTo(n - 1);
			assertThat(due.toInstant()).isAfter(received);
		}
	}
}
