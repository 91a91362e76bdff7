package nl.weerbaar.privacy;

import java.util.UUID;

/** The person sensitive data is about (an office holder or a home-front member): the id the owning module gives them. */
public record SubjectId(UUID value) {

	public SubjectId {
		if (value == null) {
			throw new IllegalArgumentException("a subject id needs a value");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
