package nl.weerbaar.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TermRulesTests {

	private static final Map<String, BodyKind> BODIES = Map.of("GM0437", BodyKind.MUNICIPALITY, "PV27", BodyKind.PROVINCE,
			"WS0155", BodyKind.WATER_BOARD);

	@Test
	void theBodyMustBeOfTheKindTheFunctionIsHeldIn() {
		assertThat(codes(new Term(OfficeFunction.MAYOR, "PV27", date(2020, 1, 1), null)))
			.containsExactly("bodyCode:term.body.wrongKind.MUNICIPALITY");
		assertThat(codes(new Term(OfficeFunction.KINGS_COMMISSIONER, "GM0437", date(2020, 1, 1), null)))
			.containsExactly("bodyCode:term.body.wrongKind.PROVINCE");
		assertThat(codes(new Term(OfficeFunction.WATER_BOARD_MEMBER, "WS0155", date(2020, 1, 1), null))).isEmpty();
		assertThat(codes(new Term(OfficeFunction.ALDERMAN, "GM9999", date(2020, 1, 1), null)))
			.containsExactly("bodyCode:term.body.unknown");
	}

	@Test
	void aTermEndsAfterItStarts() {
		assertThat(codes(new Term(OfficeFunction.ALDERMAN, "GM0437", date(2022, 6, 1), date(2022, 6, 1))))
			.containsExactly("end:term.end.beforeStart");
		assertThat(codes(new Term(OfficeFunction.ALDERMAN, "GM0437", date(2022, 6, 1), date(2022, 6, 2)))).isEmpty();
		assertThat(codes(new Term(OfficeFunction.ALDERMAN, "GM0437", null, null))).containsExactly("start:term.start.required");
	}

	@Test
	void twoTermsOfOneFunctionInOneBodyDoNotOverlapButMayFollowEachOther() {
		Term first = new Term(OfficeFunction.COUNCIL_MEMBER, "GM0437", date(2018, 3, 29), date(2022, 3, 30));
		assertThat(TermRules.check(List.of(first, new Term(OfficeFunction.COUNCIL_MEMBER, "GM0437", date(2022, 3, 30), null)), BODIES))
			.isEmpty();
		assertThat(TermRules.check(List.of(first, new Term(OfficeFunction.COUNCIL_MEMBER, "GM0437", date(2021, 1, 1), null)), BODIES))
			.extracting(TermRules.Violation::code).containsExactly("term.overlaps");
		assertThat(TermRules.check(List.of(first, new Term(OfficeFunction.ALDERMAN, "GM0437", date(2021, 1, 1), null)), BODIES))
			.as("a council member may become alderman").isEmpty();
	}

	/** Properties over many random pairs of terms (seeded, so a failure repeats). */
	@Test
	void overlapIsSymmetricAndMatchesSharingADay() {
		Random random = new Random(20261129);
		for (int i = 0; i < 5_000; i++) {
			Term a = randomTerm(random);
			Term b = randomTerm(random);
			assertThat(a.overlaps(b)).as("%s %s", a, b).isEqualTo(b.overlaps(a));
			boolean sharesADay = a.start().datesUntil(a.end() == null ? date(2031, 1, 1) : a.end())
				.anyMatch(day -> b.isCurrentOn(day));
			assertThat(a.overlaps(b)).as("%s %s", a, b).isEqualTo(sharesADay);
		}
	}

	private static Term randomTerm(Random random) {
		LocalDate start = date(2010, 1, 1).plusDays(random.nextInt(5000));
		LocalDate end = random.nextInt(4) == 0 ? null : start.plusDays(1 + random.nextInt(2000));
		return new Term(OfficeFunction.ALDERMAN, "GM0437", start, end);
	}

	private static List<String> codes(Term term) {
		return TermRules.check(List.of(term), BODIES).stream().map(v -> v.field() + ":" + v.code()).toList();
	}

	private static LocalDate date(int year, int month, int day) {
		return LocalDate.of(year, month, day);
	}
}
