package nl.weerbaar.security;

import java.io.Serializable;
import java.util.UUID;

/** Identifies an account; other modules keep this, never a username. */
public record AccountId(UUID value) implements Serializable {

	public AccountId {
		if (value == null) {
			throw new IllegalArgumentException("an account id needs a value");
		}
	}

	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
