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

	public record SupporterAssigned(UUID assignment, UUID request, UUID supporter, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "SUPPORTER_ASSIGNED", ASSIGNMENT, assignment.toString());
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
