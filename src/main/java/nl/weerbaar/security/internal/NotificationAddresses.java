package nl.weerbaar.security.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import nl.weerbaar.security.AccountId;
import nl.weerbaar.security.AccountManagement.AccountRefused;
import nl.weerbaar.shared.SecretSealer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

	NotificationAddresses(JdbcClient jdbc, SecretSealer sealer) {
		this.jdbc = jdbc;
		this.sealer = sealer;
	}

	public Optional<String> of(AccountId account) {
		return jdbc.sql("select notification_email from account where id = ?")
			.param(account.value())
			.query((row, n) -> row.getBytes(1))
			.optional()
			.filter(sealed -> sealed != null)
			.map(sealed -> new String(sealer.open(sealed, context(account)), StandardCharsets.UTF_8));
	}

	/** Sets or (with a blank address) clears the address; a malformed one is refused next to the field. */
	public void set(AccountId account, String address) {
		String value = address == null ? "" : address.strip();
		if (!value.isEmpty() && (value.length() > 254 || !ADDRESS.matcher(value).matches())) {
			throw new AccountRefused("notificationEmail", "account.notificationEmail.invalid");
		}
		byte[] sealed = value.isEmpty() ? null
				: sealer.seal(value.getBytes(StandardCharsets.UTF_8), context(account));
		int updated = jdbc.sql("update account set notification_email = ? where id = ?")
			.params(sealed, account.value())
			.update();
		if (updated == 0) {
			throw new AccountRefused(null, "account.notFound");
		}
	}

	private static byte[] context(AccountId account) {
		return ("account.notification_email:" + account.value()).getBytes(StandardCharsets.UTF_8);
	}
}
