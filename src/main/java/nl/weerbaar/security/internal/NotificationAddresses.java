package nl.weerbaar.security.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import nl.weerbaar.security.AccountEvents.NotificationAddressChanged;
import nl.weerbaar.security.AccountId;
import nl.weerbaar.security.AccountManagement.AccountRefused;
import nl.weerbaar.shared.SecretSealer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The optional address where a person hears about their own account's security. It is sealed under the
 * key-encryption key, bound to its account, so a copy of the database alone does not reveal it.
 */
@Component
public class NotificationAddresses {

	/** One @, no spaces, a dot in the domain: enough to catch a typo; the mail server decides the rest. */
	private static final Pattern ADDRESS = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private final JdbcClient jdbc;
	private final SecretSealer sealer;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	NotificationAddresses(JdbcClient jdbc, SecretSealer sealer, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.sealer = sealer;
		this.events = events;
		this.clock = clock;
	}

	public Optional<String> of(AccountId account) {
		return jdbc.sql("select notification_email from account where id = ?")
			.param(account.value())
			.query((row, n) -> row.getBytes(1))
			.optional()
			.filter(sealed -> sealed != null)
			.map(sealed -> new String(sealer.open(sealed, context(account)), StandardCharsets.UTF_8));
	}

	/**
	 * The address only when the owner set it themselves (ASVS V6.4.6): an address an administrator set, or one from
	 * before this was recorded, may be that administrator's own mailbox, so no secret goes there.
	 */
	public Optional<String> setByOwner(AccountId account) {
		boolean own = jdbc.sql("select notification_email_set_by = id from account where id = ?")
			.param(account.value())
			.query(Boolean.class)
			.optional()
			.map(Boolean.TRUE::equals)
			.orElse(false);
		return own ? of(account) : Optional.empty();
	}

	/**
	 * Sets or (with a blank address) clears the address; a malformed one is refused next to the field. A change is
	 * audited, and published before the row is written, so that the previous address can still be read and told.
	 */
	@Transactional
	public void set(AccountId account, String address, AccountId by) {
		String value = address == null ? "" : address.strip();
		if (!value.isEmpty() && (value.length() > 254 || !ADDRESS.matcher(value).matches())) {
			throw new AccountRefused("notificationEmail", "account.notificationEmail.invalid");
		}
		if (!jdbc.sql("select exists (select 1 from account where id = ?)").param(account.value()).query(Boolean.class).single()) {
			throw new AccountRefused(null, "account.notFound");
		}
		if (of(account).orElse("").equals(value)) {
			return;
		}
		events.publishEvent(new NotificationAddressChanged(account, by));
		byte[] sealed = value.isEmpty() ? null
				: sealer.seal(value.getBytes(StandardCharsets.UTF_8), context(account));
		jdbc.sql("""
				update account set notification_email = ?, notification_email_set_by = ?, notification_email_set_at = ?
				where id = ?""")
			.params(sealed, sealed == null ? null : by.value(), sealed == null ? null : Timestamp.from(clock.instant()),
					account.value())
			.update();
	}

	private static byte[] context(AccountId account) {
		return ("account.notification_email:" + account.value()).getBytes(StandardCharsets.UTF_8);
	}
}
