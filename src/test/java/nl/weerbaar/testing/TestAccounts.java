package nl.weerbaar.testing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import nl.weerbaar.security.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts for tests, written straight into the database with one known password; each gets a unique username,
 * so tests never see each other's accounts. Every account gets a software passkey too (everyone signs in with a
 * second factor, clients included), which {@link WebSession#signIn} uses; {@link #createWithoutFactor} makes one
 * that enrols its first factor at its first sign-in.
 */
public final class TestAccounts {

	public static final String PASSWORD = "correct horse battery staple";

	private static final Map<String, TestPasskey> PASSKEYS = new ConcurrentHashMap<>();

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

	/** An account with no second factor yet, whatever its roles: it enrols one at its first sign-in. */
	public TestAccount createWithoutFactor(Role... roles) {
		TestAccount account = create(false, roles);
		jdbc.sql("delete from account_passkey where account_id = ?").param(account.id()).update();
		jdbc.sql("update account set second_factor_required = false where id = ?").param(account.id()).update();
		PASSKEYS.remove(account.username());
		return account;
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
		PASSKEYS.put(username, addPasskey(id));
		return new TestAccount(id, username);
	}

	/** The passkey {@link #create} gave this account (by username, in any case), if any. */
	public static Optional<TestPasskey> passkeyOf(String username) {
		return Optional.ofNullable(PASSKEYS.get(username.strip().toLowerCase(java.util.Locale.ROOT)));
	}

	/** Registers one more passkey for an account (a browser's, so that counters never mix), as enrolment would. */
	public TestPasskey addPasskey(UUID account) {
		TestPasskey passkey = new TestPasskey();
		jdbc.sql("""
				insert into account_passkey (id, account_id, credential_id, credential, sign_count, uv_initialized,
				                             backup_eligible, backup_state, label, created_at)
				values (?, ?, ?, ?, 0, true, false, false, 'Test', now())""")
			.params(UUID.randomUUID(), account, passkey.credentialId(), passkey.storedCredential())
			.update();
		jdbc.sql("update account set second_factor_required = true where id = ?").param(account).update();
		return passkey;
	}

	public UUID idOf(String username) {
		return jdbc.sql("select id from account where username = ?")
			.param(username.strip().toLowerCase(java.util.Locale.ROOT))
			.query(UUID.class)
			.single();
	}
}
