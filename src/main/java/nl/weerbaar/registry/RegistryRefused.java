package nl.weerbaar.registry;

import java.util.List;

import nl.weerbaar.shared.Refused;

/** The registry or the team refused data (see {@link Refused}). */
public class RegistryRefused extends Refused {

	public RegistryRefused(List<Violation> violations, boolean conflict) {
		super(violations, conflict);
	}
}
