package nl.weerbaar.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.weerbaar.registry.OfficeFunction;

/** The coordinators' queue of open requests: what a row shows (no content), what it filters on, and its counts. */
public final class Queue {

	private Queue() {
	}

	/** Every part optional; without a status, all open requests. {@code receivedOn}: the day it came in (Amsterdam). */
	public record Filter(ConcernLevel level, OfficeFunction function, String provinceCode, RequestStatus status,
			boolean overdueOnly, java.time.LocalDate receivedOn) {

		public Filter(ConcernLevel level, OfficeFunction function, String provinceCode, RequestStatus status, boolean overdueOnly) {
			this(level, function, provinceCode, status, overdueOnly, null);
		}
	}

	public record Item(UUID id, String reference, RequestStatus status, Channel channel, ConcernLevel concernLevel,
			OfficeFunction function, String bodyName, boolean homeFront, List<IncidentKind> incidentKinds,
			Instant createdAt, Instant dueAt, boolean overdue) {
	}

	/** Open requests per level ({@code null} key: not triaged yet) and overdue ones, under the filter's other parts. */
	public record Counts(Map<ConcernLevel, Long> perLevel, long untriaged, long overdue, long total) {
	}
}
