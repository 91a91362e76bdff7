package nl.weerbaar.security.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@Test
	void acceptsTwelveToOneHundredTwentyEightCharacters() {
		assertThat(PasswordPolicy.check("a".repeat(11), "someone")).contains("password.tooShort");
		assertThat(PasswordPolicy.check("a".repeat(12), "someone")).isEmpty();
		assertThat(PasswordPolicy.check("a".repeat(128), "someone")).isEmpty();
		assertThat(PasswordPolicy.check("a".repeat(129), "someone")).contains("password.tooLong");
	}

	@Test
	void countsCharactersAsPeopleTypeThemNotAsJavaChars() {
		String twelveEmoji = "🔒".repeat(12);
		assertThat(twelveEmoji.length()).isEqualTo(24);
		assertThat(PasswordPolicy.check(twelveEmoji, "someone")).isEmpty();
		assertThat(PasswordPolicy.check("🔒".repeat(11), "someone")).contains("password.tooShort");
		assertThat(PasswordPolicy.check("🔒".repeat(129), "someone")).contains("password.tooLong");
	}

	@Test
	void refusesTheUsernameAsPasswordAndBlanks() {
		assertThat(PasswordPolicy.check("Coordinator-Amsterdam", "coordinator-amsterdam")).contains("password.sameAsUsername");
		assertThat(PasswordPolicy.check("            ", "x")).contains("password.required");
		assertThat(PasswordPolicy.check(null, "x")).contains("password.required");
	}

	@Test
	void generatedPasswordsPassThePolicyAndDiffer() {
		String one = PasswordPolicy.generate();
		assertThat(PasswordPolicy.check(one, "admin")).isEmpty();
		assertThat(one).isNotEqualTo(PasswordPolicy.generate()).matches("[a-zA-Z0-9]{5}(-[a-zA-Z0-9]{5}){3}");
	}
}
