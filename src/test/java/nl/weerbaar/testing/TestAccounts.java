package nl.weerbaar.testing;

import java.time.Instant;
import java.util.UUID;

import nl.weerbaar.security.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts for tests, written straight into the database with one known password; each gets a unique username,
 * so tests never see each other's accounts.
 */
public final class TestAccounts {

	public static final String PASSWORD = "correct horse battery staple";

	private static String hash;

	private final JdbcClient jdbc;

	public TestAccounts(ApplicationContext context) {
		this.jdbc = context.getBean(JdbcClient.class);
		synchronized (TestAccounts.class) {
			if (hash == null) {
				hash = context.getBean(PasswordEncoder.class).encode(PASSWORD);
			}
		}
	}

	public record TestAccount(UUID id, String username) {
	}

	public TestAccount create(Role... roles) {
		return create(false, roles);
	}

	/** An account whose password was chosen by someone else, as after creation by an administrator. */
	public TestAccount createWithGivenPassword(Role... roles) {
		return create(true, roles);
	}

	private TestAccount create(boolean mustChangePassword, Role... roles) {
		UUID id = UUID.randomUUID();
		String username = "t-" + roles[0].name().toLowerCase() + "-" + id.toString().substring(0, 8);
		jdbc.sql("""
				insert into account (id, version, username, display_name, password_hash, enabled, must_change_password,
				                     created_at, password_changed_at)
				values (?, 1, ?, ?, ?, true, ?, ?, ?)""")
			.params(id, username, "Test " + roles[0].name(), hash, mustChangePassword,
					java.sql.Timestamp.from(Instant.now()), java.sql.Timestamp.from(Instant.now()))
			.update();
		for (Role role : roles) {
			jdbc.sql("insert into account_role (account_id, role) values (?, ?)").params(id, role.name()).update();
		}
		return new TestAccount(id, username);
	}
}
