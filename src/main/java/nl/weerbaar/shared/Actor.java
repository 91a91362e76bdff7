package nl.weerbaar.shared;

import java.util.UUID;

/** Who acts: an account id and the role they act in. Facades take it so that what they publish names the actor. */
public record Actor(UUID id, String role) {

	public Actor {
		if (id == null) {
			throw new IllegalArgumentException("an actor has an account id");
		}
	}
}
