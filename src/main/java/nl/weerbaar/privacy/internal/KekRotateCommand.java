package nl.weerbaar.privacy.internal;

import java.util.List;

import nl.weerbaar.platform.Command;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar weerbaar.jar kek-rotate}: adds a new primary key to the key-encryption key file and re-wraps every
 * data key under it. Running nodes read the file again when they meet a key they do not know, and their hourly
 * re-wrap job finishes anything left, so nothing has to stop.
 */
@Component
class KekRotateCommand implements Command {

	private final KeyEncryptionKey kek;
	private final Keyring keyring;

	KekRotateCommand(KeyEncryptionKey kek, Keyring keyring) {
		this.kek = kek;
		this.keyring = keyring;
	}

	@Override
	public String name() {
		return "kek-rotate";
	}

	@Override
	public String description() {
		return "add a new key-encryption key and re-wrap every data key under it";
	}

	@Override
	public int run(List<String> args) {
		long primary = kek.rotate();
		int rewrapped = keyring.rewrapAll();
		System.out.printf("kek-rotate: new primary key %d; %d data keys re-wrapped%n", primary, rewrapped);
		return 0;
	}
}
