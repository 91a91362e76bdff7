package nl.weerbaar.shared;

/**
 * Seals small secrets that belong to no data subject (a TOTP key) under the installation's key-encryption key, so
 * that a copy of the database alone reveals none of them. {@code context} binds a sealed value to its place.
 */
public interface SecretSealer {

	byte[] seal(byte[] secret, byte[] context);

	/** Throws {@link IllegalStateException} when the value was changed or moved to another place. */
	byte[] open(byte[] sealed, byte[] context);
}
