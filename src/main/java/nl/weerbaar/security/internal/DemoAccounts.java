package nl.weerbaar.security.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;

import nl.weerbaar.platform.Installation;
import nl.weerbaar.security.AccountEvents.AccountCreated;
import nl.weerbaar.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One demo account per role ({@code demo-coordinator}, {@code demo-admin}, …) and a second administrator
 * ({@code demo-admin-2}), as a factor reset, a set-up link and the administrator role need two; all with the password in
 * {@code WEERBAAR_DEMO_PASSWORD}, or with one generated and printed once when the accounts are first made.
 */
@Component
@Profile(Installation.DEMO_PROFILE)
@Order(10)
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD_VARIABLE = "WEERBAAR_DEMO_PASSWORD";

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private final Accounts accounts;
	private final PasswordEncoder passwordEncoder;
	private final Environment environment;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	DemoAccounts(Accounts accounts, PasswordEncoder passwordEncoder, Environment environment,
			ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.environment = environment;
		this.events = events;
		this.clock = clock;
	}

	static final String SECOND_ADMIN = "demo-admin-2";

	static String usernameFor(Role role) {
		return "demo-" + role.name().toLowerCase(Locale.ROOT);
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		String given = environment.getProperty(PASSWORD_VARIABLE);
		boolean generated = given == null || given.isEmpty();
		String password = generated ? PasswordPolicy.generate() : given;
		String hash = passwordEncoder.encode(password);
		int created = 0;
		for (Role role : Role.values()) {
			created += ensure(usernameFor(role), "Demo " + displayName(role), role, password, hash, generated);
		}
		created += ensure(SECOND_ADMIN, "Demo Tweede beheerder", Role.ADMIN, password, hash, generated);
		if (created > 0 && generated) {
			System.out.printf("%n==================== Weerbaar DEMO ====================%n"
					+ "  Demo accounts: demo-coordinator, demo-supporter, demo-client,%n"
					+ "                 demo-partner, demo-analyst, demo-admin, demo-admin-2%n"
					+ "  Password (shown once): %s%n"
					+ "  Set %s to choose it yourself.%n"
					+ "=======================================================%n%n", password, PASSWORD_VARIABLE);
		}
		else if (generated) {
			log.info("Demo accounts exist; their password was shown when they were made. Set {} to reset it.",
					PASSWORD_VARIABLE);
		}
	}

	private int ensure(String username, String displayName, Role role, String password, String hash,
			boolean generated) {
		var existing = accounts.findByUsername(username);
		if (existing.isPresent()) {
			if (!generated && !passwordEncoder.matches(password, existing.get().passwordHash())) {
				existing.get().changePassword(hash, true, clock.instant());
				accounts.save(existing.get());
			}
			return 0;
		}
		Account account = Account.create(username, displayName, Set.of(role), hash, false, clock.instant());
		accounts.save(account);
		events.publishEvent(new AccountCreated(account.id(), account.roles(), null));
		return 1;
	}

	private static String displayName(Role role) {
		return switch (role) {
			case CLIENT -> "Cliënt";
			case COORDINATOR -> "Coördinator";
			case SUPPORTER -> "Ondersteuner";
			case PARTNER -> "Partner";
			case ANALYST -> "Analist";
			case ADMIN -> "Beheerder";
		};
	}
}
