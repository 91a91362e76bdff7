package nl.weerbaar.security.web;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import nl.weerbaar.security.internal.SecurityProperties;
import org.springframework.stereotype.Component;

/**
 * What the passkey pages share: the challenge of the ceremony under way (in the session, usable once) and the
 * origins a browser's answer may come from.
 */
@Component
class Ceremonies {

	private static final String CHALLENGE = "weerbaar.webauthn.challenge";
	private static final SecureRandom RANDOM = new SecureRandom();

	/** What the browser sends back: the credential as WebAuthn's JSON, and a name for a new passkey. */
	record PasskeyAnswer(String credential, String label) {
	}

	private final Set<String> configuredOrigins;

	Ceremonies(SecurityProperties properties) {
		this.configuredOrigins = new LinkedHashSet<>(properties.webauthn().origins());
	}

	byte[] newChallenge(HttpSession session) {
		byte[] challenge = new byte[32];
		RANDOM.nextBytes(challenge);
		session.setAttribute(CHALLENGE, challenge);
		return challenge;
	}

	byte[] takeChallenge(HttpSession session) {
		Object challenge = session.getAttribute(CHALLENGE);
		session.removeAttribute(CHALLENGE);
		return challenge instanceof byte[] bytes ? bytes : null;
	}

	/** The configured origins, or else the origin this request came to (a development set-up on localhost). */
	Set<String> origins(HttpServletRequest request) {
		if (!configuredOrigins.isEmpty()) {
			return configuredOrigins;
		}
		int port = request.getServerPort();
		boolean defaultPort = (request.getScheme().equals("https") && port == 443)
				|| (request.getScheme().equals("http") && port == 80);
		return Set.of(request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port));
	}
}
