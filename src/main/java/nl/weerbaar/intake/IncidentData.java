package nl.weerbaar.intake;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One incident as given. {@code perpetrator} and {@code policeReport} default to unknown, {@code homeFrontInvolved}
 * to false; {@code description} is sealed.
 */
public record IncidentData(LocalDate occurredOn, LocalTime occurredAt, IncidentKind kind, IncidentChannel channel,
		Perpetrator perpetrator, PoliceReport policeReport, Boolean homeFrontInvolved, String description) {
}
