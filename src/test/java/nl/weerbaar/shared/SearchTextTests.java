package nl.weerbaar.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What someone types in a search box reaches SQL's LIKE as literal text (ASVS 5.0 V1.3.3). */
class SearchTextTests {

	@Test
	void likesWildcardsAndItsEscapeCharacterAreLiteral() {
		assertThat(SearchText.containsPattern("50%_a\\b")).isEqualTo("%50\\%\\_a\\\\b%");
	}

	@Test
	void surroundingSpaceAndNulAreDroppedAndBlankSearchesForNothing() {
		assertThat(SearchText.containsPattern("  Ams\u0000terdam ")).isEqualTo("%Amsterdam%");
		assertThat(SearchText.containsPattern(" ")).isNull();
		assertThat(SearchText.containsPattern(null)).isNull();
	}
}
