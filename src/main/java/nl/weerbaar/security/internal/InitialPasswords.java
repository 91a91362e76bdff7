package nl.weerbaar.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A password someone else chose for an account (an administrator's new account, the generated bootstrap password)
 * is a one-time secret (ASVS V6.4.1): it opens one sign-in, within {@code weerbaar.security.initial-password-lifetime}
 * of being set, and that sign-in may do nothing but replace it. After that, or later, it answers like a wrong
 * password; the administrator then sends a set-up link.
 */
@Component
class InitialPasswords {

	private final JdbcClient jdbc;
	private final SecurityProperties properties;
	private final Clock clock;

	InitialPasswords(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Takes the one use of this account's initial password: true when it was set within the lifetime and not used
	 * since it was set. Atomic, so two sign-ins at once cannot both have it.
	 */
	@Transactional
	boolean take(Account account) {
		Instant now = clock.instant();
		return jdbc.sql("""
				update account set initial_password_used_at = :now
				where id = :id and must_change_password and password_changed_at > :oldest
				  and (initial_password_used_at is null or initial_password_used_at < password_changed_at)""")
			.param("now", Timestamp.from(now))
			.param("id", account.id().value())
			.param("oldest", Timestamp.from(now.minus(properties.initialPasswordLifetime())))
			.update() == 1;
	}
}
