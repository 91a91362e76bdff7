package nl.weerbaar.privacy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The key-encryption key (KEK) that wraps every person's data key: a Tink AES-256-GCM keyset, from the environment
 * ({@code WEERBAAR_KEK}) or a key file. Rotation adds a new primary key and keeps the old ones, so that data keys
 * wrapped before still open while they are re-wrapped. A KMS or Vault can take its place behind the same two
 * methods, {@link #wrapping()} and {@link #primaryKeyId()}.
 */
@Component
public class KeyEncryptionKey {

	static final String VARIABLE = "WEERBAAR_KEK";

	private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKey.class);

	private final Path file;
	private volatile KeysetHandle keyset;

	KeyEncryptionKey(PrivacyProperties properties, Environment environment) throws GeneralSecurityException {
		AeadConfig.register();
		String given = environment.getProperty(VARIABLE);
		if (given != null && !given.isBlank()) {
			this.file = null;
			this.keyset = TinkJsonProtoKeysetFormat.parseKeyset(given, InsecureSecretKeyAccess.get());
			log.info("Key-encryption key read from {} (primary key {})", VARIABLE, primaryKeyId());
			return;
		}
		if (properties.kekFile() == null) {
			throw new IllegalStateException("No key-encryption key: set " + VARIABLE + " or weerbaar.privacy.kek-file");
		}
		Path configured = properties.kekFile().toAbsolutePath().normalize();
		Path legacy = properties.legacyKekFile() == null ? null : properties.legacyKekFile().toAbsolutePath().normalize();
		if (!Files.exists(configured) && legacy != null && !legacy.equals(configured) && Files.exists(legacy)) {
			// a new key here would leave every sealed value unreadable: keep using the old one until it is moved
			this.file = legacy;
			log.warn("The key-encryption key is still at its legacy place {}, beside the database's files, where a copy "
					+ "of the data directory may take it along. Move it to {} (or set weerbaar.privacy.kek-file, or "
					+ "WEERBAAR_KEK) while Weerbaar is stopped; see docs/security/keys.md.", legacy, configured);
		}
		else {
			this.file = configured;
		}
		if (Files.exists(file)) {
			this.keyset = read(file);
		}
		else {
			this.keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			write(file, keyset);
			log.warn("Made a new key-encryption key at {}. Back it up, apart from the database: without it no "
					+ "encrypted field can be read.", file);
		}
	}

	/** The AEAD that wraps and unwraps data keys; holds every key of the keyset, so older wrappings still open. */
	Aead wrapping() {
		try {
			return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the key-encryption key cannot be used", e);
		}
	}

	/** The key file in use, or null when the key comes from the environment. */
	Path file() {
		return file;
	}

	long primaryKeyId() {
		return Integer.toUnsignedLong(keyset.getPrimary().getId());
	}

	/**
	 * Another node may have rotated the key file: read it again. Returns true when it changed. A key from the
	 * environment cannot change under a running process.
	 */
	synchronized boolean reload() {
		if (file == null) {
			return false;
		}
		KeysetHandle current = read(file);
		boolean changed = current.getPrimary().getId() != keyset.getPrimary().getId() || current.size() != keyset.size();
		keyset = current;
		return changed;
	}

	/**
	 * Adds a new primary key to the key file and keeps the old ones. Data keys are then re-wrapped by
	 * {@link Keyring#rewrapAll()} (also on schedule); the old keys can be removed from the file after that.
	 */
	public synchronized long rotate() {
		if (file == null) {
			throw new IllegalStateException("The key-encryption key comes from " + VARIABLE
					+ ": rotate it there (add a new primary key, keep the old ones) and restart the nodes one by one.");
		}
		try {
			KeysetHandle rotated = KeysetHandle.newBuilder(keyset)
				.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
					.withRandomId()
					.makePrimary())
				.build();
			write(file, rotated);
			keyset = rotated;
			log.info("Key-encryption key rotated; new primary key {}", primaryKeyId());
			return primaryKeyId();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("could not rotate the key-encryption key", e);
		}
	}

	private static KeysetHandle read(Path file) {
		try {
			return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the key-encryption key at " + file, e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the key file " + file + " does not hold a Tink keyset", e);
		}
	}

	/** Written to a temporary file first and moved into place, readable by the owner only. */
	private static void write(Path file, KeysetHandle keyset) {
		try {
			// a directory made here is its owner's only, like the file
			Files.createDirectories(file.getParent(),
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			Path temporary = Files.createTempFile(file.getParent(), ".kek", ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(temporary, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the key-encryption key to " + file, e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot serialise the key-encryption key", e);
		}
	}
}
