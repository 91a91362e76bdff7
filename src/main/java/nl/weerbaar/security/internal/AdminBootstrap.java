package nl.weerbaar.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;

import nl.weerbaar.platform.Installation;
import nl.weerbaar.security.AccountEvents.AccountCreated;
import nl.weerbaar.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator, created once when a live database has none. There is no default password: either the
 * operator gives one in {@code WEERBAAR_ADMIN_PASSWORD} (read this once), or a random one-time password is written to
 * a file only its owner can read ({@code weerbaar.security.first-admin-password-file}, whose path is logged) and
 * must be replaced at the first sign-in. The password itself never goes to the console or a log.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	static final String USERNAME = "admin";
	static final String PASSWORD_VARIABLE = "WEERBAAR_ADMIN_PASSWORD";
	static final String PASSWORD_FILE_PROPERTY = "weerbaar.security.first-admin-password-file";
	private static final String DEFAULT_PASSWORD_FILE = "./keys/weerbaar/first-administrator-password.txt";

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final Accounts accounts;
	private final JdbcClient jdbc;
	private final PasswordEncoder passwordEncoder;
	private final Installation installation;
	private final Environment environment;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final java.time.Duration initialPasswordLifetime;

	AdminBootstrap(Accounts accounts, JdbcClient jdbc, PasswordEncoder passwordEncoder, Installation installation,
			Environment environment, ApplicationEventPublisher events, Clock clock, SecurityProperties properties) {
		this.initialPasswordLifetime = properties.initialPasswordLifetime();
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.installation = installation;
		this.environment = environment;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (installation.isDemo()) {
			return;
		}
		if (administratorExists()) {
			renewSpentOneTimePassword();
			return;
		}
		String given = environment.getProperty(PASSWORD_VARIABLE);
		boolean generated = given == null || given.isBlank();
		String password = generated ? PasswordPolicy.generate() : given;
		if (!generated) {
			PasswordPolicy.check(password, USERNAME).ifPresent(reason -> {
				throw new IllegalStateException(PASSWORD_VARIABLE + " is not an acceptable password (" + reason
						+ "): use 12 to 128 characters.");
			});
		}
		Account admin = Account.create(USERNAME, "Beheerder", Set.of(Role.ADMIN), passwordEncoder.encode(password),
				generated, clock.instant());
		accounts.save(admin);
		events.publishEvent(new AccountCreated(admin.id(), admin.roles(), null));
		log.info("Created the first administrator account {}", admin.id());
		if (generated) {
			Path file = passwordFile();
			writeOwnerOnly(file, "username: " + USERNAME + "\none-time password: " + password + "\n");
			// the path, never the password: logs are read by more people and kept longer than this file
			log.warn("The first administrator's one-time password is in {} (readable by its owner only). Sign in as "
					+ "'{}', choose your own password, then delete the file.", file, USERNAME);
		}
	}

	private Path passwordFile() {
		String configured = environment.getProperty(PASSWORD_FILE_PROPERTY);
		return Path.of(configured == null || configured.isBlank() ? DEFAULT_PASSWORD_FILE : configured)
			.toAbsolutePath()
			.normalize();
	}

	/** Written to a temporary file made readable by the owner only (POSIX 0600), then moved into place. */
	static void writeOwnerOnly(Path file, String content) {
		try {
			Files.createDirectories(file.getParent(),
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			Path temporary = Files.createTempFile(file.getParent(), ".admin", ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(temporary, content);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (UnsupportedOperationException notPosix) {
			throw new IllegalStateException("Cannot make a file readable by its owner only here: set "
					+ PASSWORD_VARIABLE + " for the first administrator instead.", notPosix);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write the first administrator's password to " + file, e);
		}
	}

	/**
	 * A generated one-time password opens one sign-in within the initial-password lifetime ({@link InitialPasswords}).
	 * While no administrator has chosen their own password yet, a restart writes a new one, so that an installation
	 * whose first sign-in came too late (or was broken off) is never locked out for good.
	 */
	private void renewSpentOneTimePassword() {
		boolean spent = jdbc.sql("""
				select exists (select 1 from account where username = :username and must_change_password
				    and (password_changed_at <= :oldest or initial_password_used_at >= password_changed_at))
				and not exists (select 1 from account a join account_role r on r.account_id = a.id
				    where r.role = 'ADMIN' and not a.must_change_password)""")
			.param("username", USERNAME)
			.param("oldest", java.sql.Timestamp.from(clock.instant().minus(initialPasswordLifetime)))
			.query(Boolean.class)
			.single();
		if (!spent) {
			return;
		}
		Account admin = accounts.findByUsername(USERNAME).orElseThrow();
		String password = PasswordPolicy.generate();
		admin.changePassword(passwordEncoder.encode(password), false, clock.instant());
		accounts.save(admin);
		Path file = passwordFile();
		writeOwnerOnly(file, "username: " + USERNAME + "\none-time password: " + password + "\n");
		log.warn("The first administrator's one-time password had expired or was used; a new one is in {} (readable "
				+ "by its owner only). Sign in as '{}', choose your own password, then delete the file.", file, USERNAME);
	}

	private boolean administratorExists() {
		return jdbc.sql("select exists (select 1 from account_role where role = 'ADMIN')").query(Boolean.class).single();
	}
}
