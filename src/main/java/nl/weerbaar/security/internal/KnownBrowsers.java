package nl.weerbaar.security.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.weerbaar.security.AccountEvents.SignedInFromNewBrowser;
import nl.weerbaar.security.AccountId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a sign-in from a new browser apart from one from a browser the account used before: each browser gets a
 * long-lived random cookie (256 bits), and each account keeps the SHA-256 of the cookies it signed in with. The
 * cookie proves nothing and signs nobody in; it only decides whether the person is told of the sign-in. A cleared
 * cookie, a private window or another browser counts as new, which errs on the side of telling.
 */
@Component
public class KnownBrowsers {

	static final String COOKIE = "WEERBAAR_BROWSER";

	/** Over HTTPS the cookie is host-only and Secure, which the {@code __Host-} prefix makes the browser enforce. */
	static String cookieName(HttpServletRequest request) {
		return request.isSecure() ? "__Host-" + COOKIE : COOKIE;
	}
	private static final Duration LIFETIME = Duration.ofDays(400);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	KnownBrowsers(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** After a completed sign-in: remembers this browser for the account, and tells the person when it is new. */
	@Transactional
	public void signedIn(AccountId account, HttpServletRequest request, HttpServletResponse response) {
		String browser = cookie(request).orElseGet(() -> {
			byte[] random = new byte[32];
			RANDOM.nextBytes(random);
			String made = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(cookieName(request), made)
				.path("/")
				.maxAge(LIFETIME)
				.httpOnly(true)
				.secure(request.isSecure())
				.sameSite("Lax")
				.build()
				.toString());
			return made;
		});
		Timestamp now = Timestamp.from(clock.instant());
		boolean isNew = jdbc.sql("""
				insert into account_known_browser (account_id, browser_hash, first_seen_at, last_seen_at)
				values (?, ?, ?, ?) on conflict (account_id, browser_hash) do update set last_seen_at = excluded.last_seen_at
				returning (xmax = 0)""")
			.params(account.value(), Hashes.sha256(browser), now, now)
			.query(Boolean.class)
			.single();
		if (isNew) {
			events.publishEvent(new SignedInFromNewBrowser(account));
		}
	}

	private static Optional<String> cookie(HttpServletRequest request) {
		return Optional.ofNullable(request.getCookies())
			.flatMap(cookies -> Arrays.stream(cookies).filter(cookie -> cookie.getName().equals(cookieName(request))).findFirst())
			.map(Cookie::getValue)
			.filter(value -> value.matches("[A-Za-z0-9_-]{43}"));
	}
}
