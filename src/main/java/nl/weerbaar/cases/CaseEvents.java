package nl.weerbaar.cases;

import java.util.UUID;

import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.shared.AuditableEvent;

/** What happens to cases; each is recorded in the audit trail with ids only. */
public final class CaseEvents {

	private CaseEvents() {
	}

	/** A case was opened when its supporter accepted. */
	public record CaseOpened(UUID caseId, UUID request, UUID supporter) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(null, null, "CASE_OPENED", "CASE", caseId.toString());
		}
	}

	/**
	 * Someone read case content ({@code objectType} {@code CASE}, {@code CONTACT}, {@code ACTION}, {@code EVALUATION}),
	 * or was refused ({@code allowed} false).
	 */
	public record CaseRead(String objectType, UUID object, boolean allowed, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return new AuditEntry(by, role, "READ_CASE", objectType, object.toString(), allowed, null);
		}
	}

	/**
	 * Someone changed a case: {@code action} is {@code CONTACT_RECORDED}, {@code ACTION_AGREED}, {@code ACTION_DONE},
	 * {@code ACTION_REOPENED}, {@code FOLLOW_UP_SET}, {@code CASE_TRANSFERRED} or {@code EVALUATION_GIVEN}.
	 */
	public record CaseChanged(UUID caseId, String action, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, action, "CASE", caseId.toString());
		}
	}

	/** The case was closed; the client is invited to evaluate it. */
	public record CaseClosed(UUID caseId, UUID request, ClosureReason reason, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "CASE_CLOSED", "CASE", caseId.toString());
		}
	}
}
