package nl.weerbaar.security.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import nl.weerbaar.security.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** One-time set-up links: 256 random bits in the link, SHA-256 in the database, valid once and for a day. */
@Component
public class SetupLinks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Duration lifetime;
	private final Clock clock;

	SetupLinks(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.lifetime = properties.setupLinkLifetime();
		this.clock = clock;
	}

	public String issue(AccountId account, AccountId by) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant now = clock.instant();
		jdbc.sql("delete from setup_link where account_id = ? and used_at is null").param(account.value()).update();
		jdbc.sql("""
				insert into setup_link (token_hash, account_id, created_by, created_at, expires_at)
				values (?, ?, ?, ?, ?)""")
			.params(Hashes.sha256(token), account.value(), by.value(), Timestamp.from(now), Timestamp.from(now.plus(lifetime)))
			.update();
		return token;
	}

	public Optional<AccountId> valid(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("select account_id from setup_link where token_hash = ? and used_at is null and expires_at > ?")
			.params(Hashes.sha256(token), Timestamp.from(clock.instant()))
			.query(UUID.class)
			.optional()
			.map(AccountId::new);
	}

	/** Marks the link used; false when it was used (or expired) meanwhile. */
	public boolean use(String token) {
		Instant now = clock.instant();
		return jdbc.sql("update setup_link set used_at = ? where token_hash = ? and used_at is null and expires_at > ?")
			.params(Timestamp.from(now), Hashes.sha256(token), Timestamp.from(now))
			.update() == 1;
	}

}
