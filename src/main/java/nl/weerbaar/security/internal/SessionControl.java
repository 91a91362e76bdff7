package nl.weerbaar.security.internal;

import java.util.Objects;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a person's sessions in the shared session store, so that it takes effect on every node at once. Without a
 * web server (a command-line run) there are no sessions to end.
 */
@Component
public class SessionControl {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionControl(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
		this.sessions = sessions.getIfAvailable();
	}

	public void endAll(String username) {
		endAllExcept(username, null);
	}

	public void endAllExcept(String username, String keepSessionId) {
		if (sessions == null) {
			return;
		}
		sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter(id -> !Objects.equals(id, keepSessionId))
			.forEach(sessions::deleteById);
	}
}
