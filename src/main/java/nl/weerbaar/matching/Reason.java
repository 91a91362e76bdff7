package nl.weerbaar.matching;

/**
 * Why a supporter is excluded, or what a criterion added to their score: a code and a sentence in Dutch and in
 * English. {@code points} is zero for an exclusion.
 */
public record Reason(String code, int points, String nl, String en) {

	public static Reason exclusion(String code, String nl, String en) {
		return new Reason(code, 0, nl, en);
	}

	public String text(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? en : nl;
	}
}
