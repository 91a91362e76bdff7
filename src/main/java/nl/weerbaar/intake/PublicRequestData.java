package nl.weerbaar.intake;

import java.time.LocalDate;

import nl.weerbaar.registry.OfficeFunction;

/**
 * What the public "Vraag hulp" form asks, all optional but the summary: no account, no name needed.
 *
 * @param name how the person would like to be addressed (sealed)
 * @param contact a phone number or e-mail address to reach them (sealed)
 */
public record PublicRequestData(String summary, OfficeFunction function, String bodyCode, IncidentKind kind,
		LocalDate occurredOn, Boolean homeFrontInvolved, String name, String contact, ContactPreference contactVia) {
}
