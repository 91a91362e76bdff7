package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Recovery codes (80 random bits) were kept as a plain SHA-256 digest; ASVS 5.0 V6.5.2 asks for a salted password
 * hash below 112 bits. Each stored digest is wrapped in Argon2id with a salt of its own, so that every code already
 * handed out keeps working once, and nobody has to be given new codes: the application hashes a typed code the same
 * way (SHA-256 of the normalised code, in hex, then Argon2id). Rows get an id, since the hash no longer finds a row.
 * The parameters are frozen here; each stored hash names its own, so later ones may differ. It also records when a
 * password someone else chose was used (ASVS V6.4.1: such a password opens one sign-in).
 */
public class V22__recovery_codes_salted extends BaseJavaMigration {

	private static final Argon2PasswordEncoder ARGON2ID = new Argon2PasswordEncoder(16, 32, 1, 4096, 2);

	@Override
	public void migrate(Context context) throws Exception {
		var connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			// V6.4.1: a password someone else chose opens one sign-in (InitialPasswords)
			statement.execute("alter table account add column initial_password_used_at timestamptz");
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("alter table account_recovery_code add column id uuid");
			statement.execute("alter table account_recovery_code add column salted_hash text");
		}
		List<byte[]> digests = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select code_hash from account_recovery_code")) {
			while (rows.next()) {
				digests.add(rows.getBytes(1));
			}
		}
		try (PreparedStatement update = connection.prepareStatement(
				"update account_recovery_code set id = gen_random_uuid(), salted_hash = ? where code_hash = ?")) {
			for (byte[] digest : digests) {
				update.setString(1, salted(digest));
				update.setBytes(2, digest);
				update.addBatch();
			}
			update.executeBatch();
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("alter table account_recovery_code drop constraint account_recovery_code_pkey");
			statement.execute("alter table account_recovery_code drop column code_hash");
			statement.execute("alter table account_recovery_code rename column salted_hash to code_hash");
			statement.execute("alter table account_recovery_code alter column id set not null");
			statement.execute("alter table account_recovery_code alter column code_hash set not null");
			statement.execute("alter table account_recovery_code add primary key (id)");
			statement.execute("""
					comment on column account_recovery_code.code_hash is
					    'Argon2id (own salt) of the hex SHA-256 of the normalised code; never the code itself'""");
		}
	}

	/** What a legacy SHA-256 digest becomes: the same value the application now stores for a new code. */
	public static String salted(byte[] sha256) {
		return ARGON2ID.encode(HexFormat.of().formatHex(sha256));
	}
}
