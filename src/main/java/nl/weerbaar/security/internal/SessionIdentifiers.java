package nl.weerbaar.security.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Session ids and the cookie that carries them.
 * <ul>
 * <li>An id is 27 bytes from {@link SecureRandom} (216 bits), in 36 characters of base64url: as long as the
 * {@code CHAR(36)} column it lives in, and far beyond the 128 bits ASVS asks (Spring Session's own random UUIDs have
 * 122). A new id is made the same way at every change of id (sign-in, second factor, step-up).</li>
 * <li>Over HTTPS ({@code request.isSecure()}: served over TLS, or from a trusted proxy that says
 * {@code X-Forwarded-Proto: https}) the cookie is {@value #SECURE_NAME}: the {@code __Host-} prefix makes the browser
 * accept it only when it is Secure, has {@code Path=/} and no {@code Domain}, so no sibling host and no plain-HTTP
 * page can set or shadow it. Over plain HTTP (a local run) it is {@value #NAME}, without Secure.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SessionIdentifiers {

	static final String NAME = "WEERBAAR_SESSION";
	static final String SECURE_NAME = "__Host-" + NAME;

	/** Bytes of randomness in a session id: 27 bytes are 36 base64url characters without padding. */
	static final int ID_BYTES = 27;

	@Bean
	SessionIdGenerator sessionIdGenerator() {
		return new RandomSessionIds();
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> randomSessionIds(SessionIdGenerator ids) {
		return repository -> repository.setSessionIdGenerator(ids);
	}

	@Bean
	CookieSerializer sessionCookie() {
		DefaultCookieSerializer plain = serializer(NAME);
		DefaultCookieSerializer secure = serializer(SECURE_NAME);
		secure.setUseSecureCookie(true);
		return new CookieSerializer() {
			@Override
			public void writeCookieValue(CookieValue value) {
				(value.getRequest().isSecure() ? secure : plain).writeCookieValue(value);
			}

			@Override
			public List<String> readCookieValues(HttpServletRequest request) {
				return (request.isSecure() ? secure : plain).readCookieValues(request);
			}
		};
	}

	/** HttpOnly, SameSite=Lax (a link from an e-mail still arrives signed in), Path=/, no Domain, a session cookie. */
	private static DefaultCookieSerializer serializer(String name) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(name);
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		serializer.setCookiePath("/");
		return serializer;
	}

	static final class RandomSessionIds implements SessionIdGenerator {

		private static final SecureRandom RANDOM = new SecureRandom();

		@Override
		public String generate() {
			byte[] bytes = new byte[ID_BYTES];
			RANDOM.nextBytes(bytes);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}
	}
}
