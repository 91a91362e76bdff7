package nl.weerbaar.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The addresses Weerbaar mails to are checked before they are kept: nothing that could add a header, a recipient or a
 * command to a message gets through (ASVS 5.0 V1.3.11).
 */
class ContactRulesTests {

	@Test
	void anAddressThatWouldAddHeadersRecipientsOrCommandsIsRefused() {
		for (String address : new String[] { "jan@example.org\r\nBcc: all@evil.example", "jan@example.org\nSubject: x",
				"jan@example.org, all@evil.example", "jan@example.org all@evil.example", "jan@example.org\r\n.\r\nRCPT TO:<x@evil.example>",
				"\"jan\"@example.org\tx", "jan@@example.org", "jan@example.org@evil.example", "a".repeat(65) + "@example.org",
				"jan@" + "x".repeat(250) + ".org" }) {
			assertThat(ContactRules.check(address, null)).as(address.replace("\r", "\\r").replace("\n", "\\n"))
				.singleElement()
				.satisfies(violation -> assertThat(violation.code()).isEqualTo("field.email.invalid"));
		}
	}

	@Test
	void ordinaryAddressesAndNumbersPass() {
		assertThat(ContactRules.check("j.de-vries+weerbaar@gemeente.example.nl", "+31 (0)6 1234-5678")).isEmpty();
		assertThat(ContactRules.check(null, " ")).isEmpty();
	}

	@Test
	void aPhoneNumberIsDigitsAndSeparatorsOnly() {
		for (String phone : new String[] { "06 1234 5678\r\nBcc: x@evil.example", "06-12345678; 06-87654321", "call me",
				"1".repeat(31) }) {
			assertThat(ContactRules.check(null, phone)).as(phone)
				.singleElement()
				.satisfies(violation -> assertThat(violation.code()).isEqualTo("field.phone.invalid"));
		}
	}
}
