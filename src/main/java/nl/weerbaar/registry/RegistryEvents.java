package nl.weerbaar.registry;

import java.util.UUID;

import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.shared.AuditableEvent;

/** What happens in the registry; each is recorded in the audit trail (ids only). */
public final class RegistryEvents {

	private RegistryEvents() {
	}

	public record OfficeHolderRegistered(UUID officeHolder, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "OFFICE_HOLDER_REGISTERED", "OFFICE_HOLDER", officeHolder.toString());
		}
	}

	public record OfficeHolderChanged(UUID officeHolder, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "OFFICE_HOLDER_CHANGED", "OFFICE_HOLDER", officeHolder.toString());
		}
	}

	public record HomeFrontMemberAdded(UUID member, UUID officeHolder, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "HOME_FRONT_ADDED", "HOME_FRONT_MEMBER", member.toString());
		}
	}

	/** A bulk import; the trail keeps who did it and how many people it created and changed. */
	public record OfficeHoldersImported(int created, int updated, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "OFFICE_HOLDERS_IMPORTED", "IMPORT", "created=" + created + ",updated=" + updated);
		}
	}

	public record ReferenceDataChanged(String kind, String key, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "REFERENCE_DATA_CHANGED", kind, key);
		}
	}

	/**
	 * An account was linked to a person's record, or unlinked ({@code account} null): from then on it sees what that
	 * person may see, so the trail keeps who did it.
	 */
	public record AccountLinked(LinkedRecord record, UUID id, UUID account, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, account == null ? "ACCOUNT_UNLINKED" : "ACCOUNT_LINKED", record.name(),
					id.toString());
		}
	}

	/** Someone saw a person's contact details or home front: sensitive personal data, so every read is recorded. */
	public record PersonalDataRead(String objectType, UUID object, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "READ_PERSONAL_DATA", objectType, object.toString());
		}
	}
}
