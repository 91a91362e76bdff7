package nl.weerbaar.security.internal;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@Test
	void acceptsTwelveToOneHundredTwentyEightCharacters() {
		assertThat(PasswordPolicy.check(letters(11), "someone")).contains("password.tooShort");
		assertThat(PasswordPolicy.check(letters(12), "someone")).isEmpty();
		assertThat(PasswordPolicy.check(letters(128), "someone")).isEmpty();
		assertThat(PasswordPolicy.check(letters(129), "someone")).contains("password.tooLong");
	}

	@Test
	void countsCharactersAsPeopleTypeThemNotAsJavaChars() {
		String twelveEmoji = emoji(12);
		assertThat(twelveEmoji.length()).isEqualTo(24);
		assertThat(PasswordPolicy.check(twelveEmoji, "someone")).isEmpty();
		assertThat(PasswordPolicy.check(emoji(11), "someone")).contains("password.tooShort");
		assertThat(PasswordPolicy.check(emoji(129), "someone")).contains("password.tooLong");
	}

	@Test
	void refusesTheUsernameAsPasswordAndBlanks() {
		assertThat(PasswordPolicy.check("Coordinator-Amsterdam", "coordinator-amsterdam")).contains("password.sameAsUsername");
		assertThat(PasswordPolicy.check("            ", "x")).contains("password.required");
		assertThat(PasswordPolicy.check(null, "x")).contains("password.required");
	}

	@Test
	void refusesTheWordsOfThisSiteWithAYearOrDigitsButNotASentenceThatHoldsOne() {
		assertThat(PasswordPolicy.CONTEXT_WORDS).contains("weerbaar", "burgemeester", "wethouder", "raadslid",
				"gedeputeerde", "integriteit").doesNotContain("").allMatch(word -> word.equals(word.toLowerCase()));
		for (String close : List.of("Burgemeester2026!", "wethouder12345", "RAADSLID2026!", "Gedeputeerde1!",
				"integriteit2026")) {
			assertThat(PasswordPolicy.check(close, "someone")).as(close).contains("password.common");
		}
		assertThat(PasswordPolicy.check("de burgemeester fietst naar huis", "someone")).isEmpty();
	}

	@Test
	void refusesCommonPasswordsAndTheirEasyVariants() {
		// on the shipped list of 30,000 common passwords, whatever the case
		assertThat(PasswordPolicy.check("PASSWORD1234", "someone")).contains("password.common");
		assertThat(PasswordPolicy.check("1qaz2wsx3edc", "someone")).contains("password.common");
		// not on the list, but a common word or keyboard row with digits: guessed in far fewer than 10^8 tries
		assertThat(PasswordPolicy.check("password2026", "someone")).contains("password.common");
		assertThat(PasswordPolicy.check("qwertyuiop12", "someone")).contains("password.common");
		assertThat(PasswordPolicy.check("passwordpassword", "someone")).contains("password.common");
		assertThat(PasswordPolicy.check("Welkom123456", "someone")).contains("password.common");
		assertThat(PasswordPolicy.check("weerbaar2026!", "someone")).as("the site's own name").contains("password.common");
		assertThat(PasswordPolicy.check("fenna.bakker1", "fenna.bakker")).as("the username with a digit")
			.contains("password.common");
		assertThat(PasswordPolicy.check("a sentence only I know", "someone")).isEmpty();
		assertThat(PasswordPolicy.check("correct horse battery staple", "someone")).isEmpty();
	}

	@Test
	void generatedPasswordsPassThePolicyAndDiffer() {
		String one = PasswordPolicy.generate();
		assertThat(PasswordPolicy.check(one, "admin")).isEmpty();
		assertThat(one).isNotEqualTo(PasswordPolicy.generate()).matches("[a-zA-Z0-9]{5}(-[a-zA-Z0-9]{5}){3}");
	}

	private static String letters(int count) {
		return new Random(count).ints(count, 'a', 'z' + 1)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	/** As many different emoji (each two Java chars), from the range of animals and plants. */
	private static String emoji(int count) {
		return IntStream.range(0, count)
			.map(i -> 0x1F400 + i)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}
}
