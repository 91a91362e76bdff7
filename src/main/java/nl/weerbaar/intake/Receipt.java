package nl.weerbaar.intake;

import java.util.UUID;

/**
 * What the public form gives back: the request's reference and its receipt code (20 random digits, shown once, kept
 * only as a slow hash). With the code the requester later sees the status, reads messages and adds information.
 */
public record Receipt(UUID requestId, String reference, String code) {

	/** The code in groups of four, as shown. */
	public String displayCode() {
		return code.replaceAll("(\\d{4})(?=\\d)", "$1 ");
	}
}
