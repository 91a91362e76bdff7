package nl.weerbaar.security.internal;

import java.util.Objects;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends a person's sessions in the shared session store, so that it takes effect on every node at once. */
@Component
public class SessionControl {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionControl(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	public void endAll(String username) {
		endAllExcept(username, null);
	}

	public void endAllExcept(String username, String keepSessionId) {
		sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter(id -> !Objects.equals(id, keepSessionId))
			.forEach(sessions::deleteById);
	}
}
