package nl.weerbaar.intake;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingCalendarTests {

	private final WorkingCalendar calendar = new WorkingCalendar(Set.of());

	@Test
	void findsEasterSundayForYearsWithKnownDates() {
		assertThat(WorkingCalendar.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(WorkingCalendar.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
		assertThat(WorkingCalendar.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(WorkingCalendar.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
		assertThat(WorkingCalendar.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
		assertThat(WorkingCalendar.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
	}

	@Test
	void knowsTheDutchPublicHolidaysOf2026() {
		assertThat(WorkingCalendar.publicHolidays(2026)).containsExactlyInAnyOrder(
				LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 27), LocalDate.of(2026, 5, 5),
				LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
	}

	@Test
	void kingsDayMovesToSaturdayWhenTheTwentySeventhIsASunday() {
		assertThat(WorkingCalendar.publicHolidays(2025)).contains(LocalDate.of(2025, 4, 26)).doesNotContain(LocalDate.of(2025, 4, 27));
		assertThat(WorkingCalendar.publicHolidays(2031)).contains(LocalDate.of(2031, 4, 26));
		assertThat(WorkingCalendar.publicHolidays(2026)).contains(LocalDate.of(2026, 4, 27));
	}

	@Test
	void weekendsHolidaysAndExtraClosedDaysAreNoWorkingDays() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 27))).as("a Friday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).as("a Saturday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 6))).as("Easter Monday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 14))).as("Ascension Day").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 3))).as("Good Friday is no holiday in the Algemene termijnenwet").isTrue();
		assertThat(new WorkingCalendar(Set.of(LocalDate.of(2026, 4, 3))).isWorkingDay(LocalDate.of(2026, 4, 3))).isFalse();
	}

	@Test
	void countsWorkingDaysOverAHolidayWeekend() {
		assertThat(calendar.workingDaysAfter(LocalDate.of(2026, 4, 2), 1)).as("Thursday before Easter").isEqualTo(LocalDate.of(2026, 4, 3));
		assertThat(calendar.workingDaysAfter(LocalDate.of(2026, 4, 3), 1)).as("past Easter Monday").isEqualTo(LocalDate.of(2026, 4, 7));
		assertThat(calendar.workingDaysAfter(LocalDate.of(2026, 12, 24), 2)).as("past Christmas and a weekend")
			.isEqualTo(LocalDate.of(2026, 12, 29));
	}
}
