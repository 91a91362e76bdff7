package nl.weerbaar.intake;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirstContactDeadlinesTests {

	private final FirstContactDeadlines deadlines = FirstContactDeadlines.defaults();

	@Test
	void acuteAndHighCountElapsedHoursAroundTheClock() {
		Instant sundayNight = amsterdam("2026-11-29T23:30");
		assertThat(deadlines.dueAt(sundayNight, ConcernLevel.ACUTE)).isEqualTo(amsterdam("2026-11-30T00:30"));
		assertThat(deadlines.dueAt(sundayNight, ConcernLevel.HIGH)).isEqualTo(amsterdam("2026-11-30T03:30"));
	}

	@Test
	void anHourIsAnHourAcrossTheDaylightSavingChanges() {
		// 29 March 2026: clocks go from 02:00 to 03:00; 25 October 2026: from 03:00 back to 02:00
		Instant beforeSpring = amsterdam("2026-03-29T01:30");
		assertThat(deadlines.dueAt(beforeSpring, ConcernLevel.ACUTE)).isEqualTo(beforeSpring.plusSeconds(3600));
		assertThat(deadlines.dueAt(beforeSpring, ConcernLevel.ACUTE).atZone(FirstContactDeadlines.AMSTERDAM).toLocalTime())
			.hasToString("03:30");
		Instant beforeAutumn = amsterdam("2026-10-25T01:30");
		assertThat(deadlines.dueAt(beforeAutumn, ConcernLevel.HIGH).atZone(FirstContactDeadlines.AMSTERDAM).toLocalTime())
			.as("four hours after 01:30 when 02:00-03:00 happens twice").hasToString("04:30");
	}

	@Test
	void workingDaysEndAtTheEndOfTheWorkingDay() {
		assertThat(deadlines.dueAt(amsterdam("2026-11-24T10:15"), ConcernLevel.MODERATE)).as("Tuesday morning")
			.isEqualTo(amsterdam("2026-11-25T17:00"));
		assertThat(deadlines.dueAt(amsterdam("2026-11-24T10:15"), ConcernLevel.LOW)).isEqualTo(amsterdam("2026-11-26T17:00"));
	}

	@Test
	void anEveningIntakeOnFridayIsDueOnMonday() {
		assertThat(deadlines.dueAt(amsterdam("2026-11-27T22:40"), ConcernLevel.MODERATE)).isEqualTo(amsterdam("2026-11-30T17:00"));
		assertThat(deadlines.dueAt(amsterdam("2026-11-28T09:00"), ConcernLevel.MODERATE)).as("Saturday")
			.isEqualTo(amsterdam("2026-11-30T17:00"));
		assertThat(deadlines.dueAt(amsterdam("2026-11-27T22:40"), ConcernLevel.LOW)).isEqualTo(amsterdam("2026-12-01T17:00"));
	}

	@Test
	void holidaysAreSkippedAndTheEndOfDayFollowsSummerTime() {
		// Thursday before Easter 2026, low: Friday 3 April counts, Easter Monday does not
		Instant due = deadlines.dueAt(amsterdam("2026-04-02T16:00"), ConcernLevel.LOW);
		assertThat(due).isEqualTo(amsterdam("2026-04-07T17:00"));
		assertThat(due).as("17:00 summer time is 15:00 UTC").hasToString("2026-04-07T15:00:00Z");
		// Friday 24 April 2026 with moderate: Monday 27 April is King's Day
		assertThat(deadlines.dueAt(amsterdam("2026-04-24T11:00"), ConcernLevel.MODERATE)).isEqualTo(amsterdam("2026-04-28T17:00"));
		// the working day after the DST weekend still ends at 17:00 local time
		assertThat(deadlines.dueAt(amsterdam("2026-03-27T12:00"), ConcernLevel.MODERATE)).hasToString("2026-03-30T15:00:00Z");
	}

	@Test
	void anUntriagedRequestIsDueLikeAHighOne() {
		Instant received = amsterdam("2026-11-27T22:40");
		assertThat(deadlines.dueAt(received, null)).isEqualTo(deadlines.dueAt(received, ConcernLevel.HIGH));
	}

	private static Instant amsterdam(String local) {
		return ZonedDateTime.of(LocalDateTime.parse(local), FirstContactDeadlines.AMSTERDAM).toInstant();
	}
}
