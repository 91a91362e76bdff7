package nl.weerbaar.testing;

import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/** For step-up tests: makes the factors a browser's session has shown older, as if it signed in that long ago. */
public final class StepUpClock {

	private StepUpClock() {
	}

	/** Moves every factor of the browser's session back in time by {@code minutes}. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static void ageFactors(JdbcIndexedSessionRepository sessions, WebSession browser, int minutes) {
		Session session = sessions.findById(WebSession.sessionIdOf(browser.sessionId().orElseThrow()));
		SecurityContext security = session.getAttribute("SPRING_SECURITY_CONTEXT");
		Authentication current = security.getAuthentication();
		List<GrantedAuthority> aged = current.getAuthorities()
			.stream()
			.map(held -> held instanceof FactorGrantedAuthority factor
					? (GrantedAuthority) FactorGrantedAuthority.withAuthority(factor.getAuthority())
						.issuedAt(factor.getIssuedAt().minus(minutes, ChronoUnit.MINUTES))
						.build()
					: held)
			.toList();
		security.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(), null, aged));
		session.setAttribute("SPRING_SECURITY_CONTEXT", security);
		((SessionRepository) sessions).save(session);
	}
}
