package nl.weerbaar.security.internal;

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
 * operator gives one in {@code WEERBAAR_ADMIN_PASSWORD} (read this once), or a random one-time password is printed
 * once on the console and must be replaced at the first sign-in.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	static final String USERNAME = "admin";
	static final String PASSWORD_VARIABLE = "WEERBAAR_ADMIN_PASSWORD";

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final Accounts accounts;
	private final JdbcClient jdbc;
	private final PasswordEncoder passwordEncoder;
	private final Installation installation;
	private final Environment environment;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AdminBootstrap(Accounts accounts, JdbcClient jdbc, PasswordEncoder passwordEncoder, Installation installation,
			Environment environment, ApplicationEventPublisher events, Clock clock) {
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
		if (installation.isDemo() || administratorExists()) {
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
			// on the console only, once: never in a log file
			System.out.printf("%n==================== Weerbaar: first administrator ====================%n"
					+ "  username: %s%n  one-time password: %s%n"
					+ "  Sign in at /login and choose your own password; this one is not shown again.%n"
					+ "========================================================================%n%n", USERNAME,
					password);
		}
	}

	private boolean administratorExists() {
		return jdbc.sql("select exists (select 1 from account_role where role = 'ADMIN')").query(Boolean.class).single();
	}
}
