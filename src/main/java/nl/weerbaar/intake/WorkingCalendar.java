package nl.weerbaar.intake;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.HashSet;
import java.util.Set;

/**
 * Working days in the Netherlands: Monday to Friday except the public holidays of the Algemene termijnenwet (art. 3):
 * Nieuwjaarsdag, Tweede Paasdag, Hemelvaartsdag, Tweede Pinksterdag, Koningsdag, Bevrijdingsdag (5 May, every year)
 * and both Christmas days. Koningsdag is 27 April, or 26 April when the 27th is a Sunday. Extra days (Goede Vrijdag,
 * a day the office closes) can be given.
 */
public final class WorkingCalendar {

	private final Set<LocalDate> extraClosedDays;

	public WorkingCalendar(Set<LocalDate> extraClosedDays) {
		this.extraClosedDays = Set.copyOf(extraClosedDays);
	}

	public boolean isWorkingDay(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
				&& !publicHolidays(day.getYear()).contains(day) && !extraClosedDays.contains(day);
	}

	/** The {@code n}th working day after {@code day} (n ≥ 1). */
	public LocalDate workingDaysAfter(LocalDate day, int n) {
		LocalDate result = day;
		for (int counted = 0; counted < n;) {
			result = result.plusDays(1);
			if (isWorkingDay(result)) {
				counted++;
			}
		}
		return result;
	}

	public static Set<LocalDate> publicHolidays(int year) {
		LocalDate easter = easterSunday(year);
		Set<LocalDate> days = new HashSet<>();
		days.add(LocalDate.of(year, Month.JANUARY, 1));
		days.add(easter.plusDays(1));
		days.add(easter.plusDays(39));
		days.add(easter.plusDays(50));
		LocalDate kingsDay = LocalDate.of(year, Month.APRIL, 27);
		days.add(kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY ? kingsDay.minusDays(1) : kingsDay);
		days.add(LocalDate.of(year, Month.MAY, 5));
		days.add(LocalDate.of(year, Month.DECEMBER, 25));
		days.add(LocalDate.of(year, Month.DECEMBER, 26));
		return days;
	}

	/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
	public static LocalDate easterSunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = (h + l - 7 * m + 114) % 31 + 1;
		return LocalDate.of(year, month, day);
	}
}
