package nl.weerbaar.security.internal;

import nl.weerbaar.platform.SlowHashes;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Argon2id ({@link PasswordPolicy#argon2id()}), a bounded number of hashes at a time ({@link SlowHashes}). */
final class BoundedPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder argon2id = PasswordPolicy.argon2id();
	private final SlowHashes slowHashes;

	BoundedPasswordEncoder(SlowHashes slowHashes) {
		this.slowHashes = slowHashes;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return slowHashes.run(() -> argon2id.encode(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return slowHashes.run(() -> argon2id.matches(rawPassword, encodedPassword));
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return argon2id.upgradeEncoding(encodedPassword);
	}
}
