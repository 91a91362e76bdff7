package nl.weerbaar.intake;

import com.fasterxml.jackson.annotation.JsonAlias;
import nl.weerbaar.team.Gender;

/**
 * What the requester would like of their supporter and of contact. Matching treats them as soft preferences, except
 * {@code notSameParty}, which excludes supporters of the office holder's party.
 *
 * @param language an ISO 639 code ({@code nl}, {@code en}, {@code fy}), or null
 * @param note anything else, in their words (sealed)
 */
public record Wishes(Boolean notSameParty, @JsonAlias("gender") Gender supporterGender, String language,
		@JsonAlias({ "contact", "contactBy" }) ContactPreference contactVia, String note) {

	public static final Wishes NONE = new Wishes(false, null, null, null, null);
}
