package nl.weerbaar.privacy;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** The person sensitive data is about (an office holder or a home-front member): the id the owning module gives them. */
public record SubjectId(@JsonValue UUID value) {

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
