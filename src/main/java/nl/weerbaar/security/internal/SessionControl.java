package nl.weerbaar.security.internal;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A person's sessions in the shared session store: listed for them, and ended there, so that it takes effect on
 * every node at once. A session is named by a handle (a hash of its id): the id itself is a secret and never
 * leaves the cookie. Without a web server (a command-line run) there are no sessions.
 */
@Component
public class SessionControl {

	/** The browser and address a session was signed in from, kept in the session itself. */
	public record Client(String agent, String address) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;
	}

	public record SessionView(String handle, Instant createdAt, Instant lastAccessedAt, String agent, String address,
			boolean current) {
	}

	private final FindByIndexNameSessionRepository<? extends Session> sessions;
	private final JdbcClient jdbc;

	SessionControl(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions, JdbcClient jdbc) {
		this.sessions = sessions.getIfAvailable();
		this.jdbc = jdbc;
	}

	/**
	 * Ends every session in the store but {@code keepSessionId} (everyone's, after a suspected breach); returns how
	 * many ended. Each goes through the repository, as a person's own would.
	 */
	public int endEveryoneExcept(String keepSessionId) {
		if (sessions == null) {
			return 0;
		}
		List<String> all = jdbc.sql("select session_id from spring_session where session_id <> ?")
			.param(keepSessionId == null ? "" : keepSessionId)
			.query(String.class)
			.list();
		all.forEach(id -> sessions.deleteById(id.strip()));
		return all.size();
	}

	public List<SessionView> list(String username, String currentSessionId) {
		if (sessions == null) {
			return List.of();
		}
		return sessions.findByPrincipalName(username)
			.values()
			.stream()
			.filter(session -> !session.isExpired())
			.map(session -> {
				Client client = session.getAttribute(SignIns.CLIENT_ATTRIBUTE);
				return new SessionView(handle(session.getId()), session.getCreationTime(), session.getLastAccessedTime(),
						client == null ? "" : client.agent(), client == null ? "" : client.address(),
						session.getId().equals(currentSessionId));
			})
			.sorted(Comparator.comparing(SessionView::current).reversed()
				.thenComparing(SessionView::lastAccessedAt, Comparator.reverseOrder()))
			.toList();
	}

	/** Ends one of the person's other sessions by its handle; false when there is none such. */
	public boolean end(String username, String handle, String currentSessionId) {
		if (sessions == null || handle == null) {
			return false;
		}
		var match = sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter(id -> !id.equals(currentSessionId) && handle(id).equals(handle))
			.findFirst();
		match.ifPresent(sessions::deleteById);
		return match.isPresent();
	}

	public void endAll(String username) {
		endAllExcept(username, null);
	}

	/** Ends every session of the person but the one they use now; returns how many ended. */
	public int endAllExcept(String username, String keepSessionId) {
		if (sessions == null) {
			return 0;
		}
		List<String> others = sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter(id -> !Objects.equals(id, keepSessionId))
			.toList();
		others.forEach(sessions::deleteById);
		return others.size();
	}

	static String handle(String sessionId) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256(sessionId)).substring(0, 16);
	}
}
