package nl.weerbaar.privacy;

import java.util.UUID;

import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.shared.AuditableEvent;

/** What the privacy module does to people's data; each is recorded in the audit trail. */
public final class PrivacyEvents {

	private static final String SUBJECT = "SUBJECT";

	private PrivacyEvents() {
	}

	/** A person's data key was destroyed; {@code by} is null when the retention job did it. */
	public record SubjectShredded(SubjectId subject, String cause, UUID by) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, null, "SHRED_" + cause, SUBJECT, subject.toString());
		}
	}

	public record SubjectDataExported(SubjectId subject, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "EXPORT", SUBJECT, subject.toString());
		}
	}

	public record ErasureRequested(UUID request, SubjectId subject, ErasureReason reason, UUID by, String role)
			implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "ERASURE_REQUESTED", SUBJECT, subject.toString());
		}
	}

	public record ErasureDecided(UUID request, SubjectId subject, boolean approved, UUID by, String role)
			implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, approved ? "ERASURE_APPROVED" : "ERASURE_REJECTED", SUBJECT,
					subject.toString());
		}
	}

	public record LegalHoldChanged(SubjectId subject, boolean held, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, held ? "LEGAL_HOLD_PLACED" : "LEGAL_HOLD_RELEASED", SUBJECT,
					subject.toString());
		}
	}
}
