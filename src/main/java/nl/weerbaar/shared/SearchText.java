package nl.weerbaar.shared;

/** What someone typed in a search box, as a SQL LIKE pattern that matches it anywhere (their % and _ are literal). */
public final class SearchText {

	private SearchText() {
	}

	/** {@code %text%} with LIKE's special characters escaped (escape character {@code \}); null for blank input. */
	public static String containsPattern(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		// a NUL cannot be in a PostgreSQL text value; nobody types one on purpose
		return "%" + typed.replace("\u0000", "").strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}
}
