package nl.weerbaar.privacy.internal;

import java.security.GeneralSecurityException;

import nl.weerbaar.shared.SecretSealer;
import org.springframework.stereotype.Component;

/** Seals installation secrets directly under the key-encryption key; a rotated KEK keeps opening them. */
@Component
class KekSecretSealer implements SecretSealer {

	private final KeyEncryptionKey kek;

	KekSecretSealer(KeyEncryptionKey kek) {
		this.kek = kek;
	}

	@Override
	public byte[] seal(byte[] secret, byte[] context) {
		try {
			return kek.wrapping().encrypt(secret, context);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("sealing failed", e);
		}
	}

	@Override
	public byte[] open(byte[] sealed, byte[] context) {
		try {
			return kek.wrapping().decrypt(sealed, context);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("sealed secret does not open here", e);
		}
	}
}
