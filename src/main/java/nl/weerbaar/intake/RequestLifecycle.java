package nl.weerbaar.intake;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static nl.weerbaar.intake.RequestStatus.ACTIVE;
import static nl.weerbaar.intake.RequestStatus.ASSIGNED;
import static nl.weerbaar.intake.RequestStatus.CLOSED;
import static nl.weerbaar.intake.RequestStatus.MATCHING;
import static nl.weerbaar.intake.RequestStatus.NEW;
import static nl.weerbaar.intake.RequestStatus.TRIAGED;
import static nl.weerbaar.intake.RequestStatus.WITHDRAWN;

/**
 * Which status may follow which: forward along {@code NEW → TRIAGED → MATCHING → ASSIGNED → ACTIVE → CLOSED}, back to
 * matching when a supporter declines or a proposal is withdrawn, to closed straight after triage when advice at intake
 * was enough (or after assignment when the client could not be reached), and to withdrawn from every open status. A move back, a closure and a withdrawal need a reason.
 */
public final class RequestLifecycle {

	private static final Map<RequestStatus, Set<RequestStatus>> NEXT = Map.of(
			NEW, EnumSet.of(TRIAGED, WITHDRAWN),
			TRIAGED, EnumSet.of(MATCHING, CLOSED, WITHDRAWN),
			MATCHING, EnumSet.of(ASSIGNED, TRIAGED, WITHDRAWN),
			ASSIGNED, EnumSet.of(ACTIVE, CLOSED, MATCHING, WITHDRAWN),
			ACTIVE, EnumSet.of(CLOSED, MATCHING, WITHDRAWN),
			CLOSED, EnumSet.noneOf(RequestStatus.class),
			WITHDRAWN, EnumSet.noneOf(RequestStatus.class));

	private RequestLifecycle() {
	}

	public static boolean allows(RequestStatus from, RequestStatus to) {
		return NEXT.get(from).contains(to);
	}

	public static Set<RequestStatus> next(RequestStatus from) {
		return EnumSet.copyOf(NEXT.get(from));
	}

	/** Going back, closing and withdrawing are explained. */
	public static boolean needsReason(RequestStatus from, RequestStatus to) {
		return to == CLOSED || to == WITHDRAWN || to.ordinal() < from.ordinal();
	}
}
