package nl.weerbaar.intake;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The request whose receipt code was typed on this device: after a correct code its id is kept in the (renewed)
 * session, never in a URL. Pages of other modules for the same person (the evaluation of a closed case) read it here.
 */
public final class ReceiptHolder {

	private static final String ATTRIBUTE = ReceiptHolder.class.getName() + ".request";

	private ReceiptHolder() {
	}

	/** Remembers the request after a correct code, in a new session id (no fixation). */
	public static void remember(HttpServletRequest request, UUID requestId) {
		request.getSession(true);
		request.changeSessionId();
		request.getSession().setAttribute(ATTRIBUTE, requestId);
	}

	public static Optional<UUID> request(HttpSession session) {
		return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(ATTRIBUTE)).map(UUID.class::cast);
	}

	public static void forget(HttpSession session) {
		if (session != null) {
			session.removeAttribute(ATTRIBUTE);
		}
	}
}
