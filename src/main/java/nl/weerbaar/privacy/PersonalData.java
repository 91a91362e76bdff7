package nl.weerbaar.privacy;

import java.security.GeneralSecurityException;
import java.util.Optional;

import nl.weerbaar.privacy.internal.Keyring;
import org.springframework.stereotype.Service;

/**
 * Seals and opens sensitive values (free text, contact details, notes) under the data key of the person they are
 * about. Modules store only what {@link #seal} returns. They decide who may see a value (assignment, role) before
 * they call {@link #open}: this class decrypts for whoever asks, and only on the server.
 */
@Service
public class PersonalData {

	private final Keyring keyring;

	PersonalData(Keyring keyring) {
		this.keyring = keyring;
	}

	/** Encrypts a value for storage at {@code where}; null stays null. Makes the person's data key on first use. */
	public byte[] seal(SubjectId subject, FieldLocation where, String value) {
		if (value == null) {
			return null;
		}
		try {
			return keyring.aeadFor(subject, true)
				.orElseThrow(() -> new DataErased(subject))
				.encrypt(value.getBytes(java.nio.charset.StandardCharsets.UTF_8), where.associatedData(subject));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("encryption failed", e);
		}
	}

	/**
	 * Decrypts a value sealed for {@code where}. Empty when the value is null or the person was erased (their key is
	 * gone); {@link TamperedData} when the ciphertext was changed or moved to another place.
	 */
	public Optional<String> open(SubjectId subject, FieldLocation where, byte[] sealed) {
		if (sealed == null) {
			return Optional.empty();
		}
		var aead = keyring.aeadFor(subject, false);
		if (aead.isEmpty()) {
			return Optional.empty();
		}
		try {
			byte[] plain = aead.get().decrypt(sealed, where.associatedData(subject));
			return Optional.of(new String(plain, java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new TamperedData(where);
		}
	}

	/**
	 * Seals for many new people at once (a bulk import): their data keys are made in one batch first. Use the
	 * returned sealer within the same transaction.
	 */
	public BulkSealer forNewSubjects(java.util.Collection<SubjectId> subjects) {
		java.util.Map<SubjectId, com.google.crypto.tink.Aead> keys = keyring.createKeys(subjects);
		return (subject, where, value) -> {
			if (value == null) {
				return null;
			}
			com.google.crypto.tink.Aead aead = keys.get(subject);
			if (aead == null) {
				return seal(subject, where, value);
			}
			try {
				return aead.encrypt(value.getBytes(java.nio.charset.StandardCharsets.UTF_8), where.associatedData(subject));
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException("encryption failed", e);
			}
		};
	}

	/** Seals values for the people a bulk import makes. */
	@FunctionalInterface
	public interface BulkSealer {

		byte[] seal(SubjectId subject, FieldLocation where, String value);
	}

	/** Sealing for a person who was erased is refused: nothing new may be stored about them. */
	public static class DataErased extends RuntimeException {

		DataErased(SubjectId subject) {
			super("the data key of subject " + subject + " was destroyed");
		}
	}

	/** A sealed value did not open: changed, or copied from elsewhere. A security incident, never a user mistake. */
	public static class TamperedData extends RuntimeException {

		TamperedData(FieldLocation where) {
			super("sealed value at " + where.table() + "." + where.column() + " row " + where.rowId() + " does not open");
		}
	}
}
