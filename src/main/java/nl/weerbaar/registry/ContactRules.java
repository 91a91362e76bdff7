package nl.weerbaar.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import nl.weerbaar.shared.Refused.Violation;

/** What an e-mail address and a phone number must look like, for everyone whose contact details Weerbaar keeps. */
public final class ContactRules {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]{6,30}");

	private ContactRules() {
	}

	public static List<Violation> check(String email, String phone) {
		List<Violation> violations = new ArrayList<>();
		if (email != null && !email.isBlank() && (email.strip().length() > 254 || !EMAIL.matcher(email.strip()).matches())) {
			violations.add(new Violation("email", "field.email.invalid"));
		}
		if (phone != null && !phone.isBlank() && !PHONE.matcher(phone.strip()).matches()) {
			violations.add(new Violation("phone", "field.phone.invalid"));
		}
		return violations;
	}
}
