package nl.weerbaar.matching;

import java.util.UUID;

import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.shared.AuditableEvent;

/** What happens to proposals; each is recorded in the audit trail (ids only). */
public final class MatchingEvents {

	private static final String ASSIGNMENT = "ASSIGNMENT";

	private MatchingEvents() {
	}

	public record SupporterProposed(UUID assignment, UUID request, UUID supporter, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "SUPPORTER_PROPOSED", ASSIGNMENT, assignment.toString());
		}
	}

	/** A supporter accepted: the request is theirs ({@code account} may open it). */
	public record SupporterAssigned(UUID assignment, UUID request, UUID supporter, UUID account, UUID by, String role)
			implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "SUPPORTER_ASSIGNED", ASSIGNMENT, assignment.toString());
		}
	}

	/** A coordinator moved an assigned request to another supporter; the previous one's access ended. */
	public record SupporterTransferred(UUID assignment, UUID request, UUID from, UUID to, UUID account, UUID by, String role)
			implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "SUPPORTER_TRANSFERRED", ASSIGNMENT, assignment.toString());
		}
	}

	public record ProposalDeclined(UUID assignment, UUID request, UUID supporter, DeclineReason reason, UUID by, String role)
			implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "PROPOSAL_DECLINED", ASSIGNMENT, assignment.toString());
		}
	}

	/** Nobody answered in time; the coordinators see the request waiting again. */
	public record ProposalExpired(UUID assignment, UUID request, UUID supporter) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(null, null, "PROPOSAL_EXPIRED", ASSIGNMENT, assignment.toString());
		}
	}
}
