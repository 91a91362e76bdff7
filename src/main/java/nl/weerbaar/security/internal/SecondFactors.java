package nl.weerbaar.security.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import nl.weerbaar.security.AccountEvents.SecondFactorChanged;
import nl.weerbaar.security.AccountId;
import nl.weerbaar.security.AccountManagement.AccountRefused;
import nl.weerbaar.platform.SlowHashes;
import nl.weerbaar.security.internal.Passkeys.StoredPasskey;
import nl.weerbaar.shared.SecretSealer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Second factors: passkeys (WebAuthn), a TOTP app as fallback, and recovery codes for when both are lost. E-mail and
 * SMS are never a factor. Who must use one is decided here too ({@link #required}).
 */
@Service
@Transactional
public class SecondFactors {

	public static final int RECOVERY_CODES = 10;
	private static final String RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	private static final SecureRandom RANDOM = new SecureRandom();
	/**
	 * Recovery codes have 80 random bits, under the 112 for which ASVS V6.5.2 allows a plain hash: each is kept as
	 * Argon2id with a 128-bit salt of its own. Light parameters (4 MiB, 2 passes) suffice for a random secret, since
	 * its strength is its entropy, and keep the ten checks a code may take (one per unused code) quick.
	 */
	static final Argon2PasswordEncoder RECOVERY_ARGON2ID = new Argon2PasswordEncoder(16, 32, 1, 4096, 2);

	/** How a second factor was shown; the name is the authority a session gets for it. */
	public enum Kind {
		PASSKEY("FACTOR_WEBAUTHN"), TOTP("FACTOR_TOTP"), RECOVERY_CODE("FACTOR_RECOVERY_CODE");

		private final String authority;

		Kind(String authority) {
			this.authority = authority;
		}

		public String authority() {
			return authority;
		}
	}

	public record PasskeyView(UUID id, String label, Instant createdAt, Instant lastUsedAt) {
	}

	/** What an account has; {@code required} says whether it must sign in with one. */
	public record Overview(boolean totp, List<PasskeyView> passkeys, int recoveryCodesLeft, boolean required) {

		public boolean any() {
			return totp || !passkeys.isEmpty();
		}
	}

	/** What the person copies into their authenticator app: the secret (also as QR code). */
	public record TotpSetup(String secret, String uri, String qrSvg) {
	}

	private final JdbcClient jdbc;
	private final SecretSealer sealer;
	private final Passkeys passkeys;
	private final SecurityProperties properties;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SlowHashes slowHashes;

	SecondFactors(JdbcClient jdbc, SecretSealer sealer, SecurityProperties properties, ApplicationEventPublisher events,
			Clock clock, SlowHashes slowHashes) {
		this.slowHashes = slowHashes;
		this.jdbc = jdbc;
		this.sealer = sealer;
		this.passkeys = new Passkeys(properties.webauthn());
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Whether this account must show a second factor after its password: when one of its roles requires it, when it
	 * has one, or when it once had one (a reset keeps the need). The demo profile's own accounts may skip it.
	 */
	@Transactional(readOnly = true)
	public boolean required(Account account) {
		return requiredWhateverItHas(account) || hasAny(account.id());
	}

	private boolean requiredWhateverItHas(Account account) {
		boolean byRole = account.roles().stream().anyMatch(properties.secondFactor().requiredRoles()::contains);
		boolean demoSkip = properties.secondFactor().demoAccountsMaySkip() && account.username().startsWith("demo-");
		return (byRole && !demoSkip) || account.secondFactorRequired();
	}

	@Transactional(readOnly = true)
	public boolean hasAny(AccountId account) {
		return jdbc.sql("""
				select exists (select 1 from account_totp where account_id = :id and confirmed)
				    or exists (select 1 from account_passkey where account_id = :id)""")
			.param("id", account.value())
			.query(Boolean.class)
			.single();
	}

	@Transactional(readOnly = true)
	public Overview overview(Account account) {
		UUID id = account.id().value();
		boolean totp = jdbc.sql("select exists (select 1 from account_totp where account_id = ? and confirmed)")
			.param(id)
			.query(Boolean.class)
			.single();
		List<PasskeyView> keys = jdbc.sql("""
				select id, label, created_at, last_used_at from account_passkey where account_id = ? order by created_at""")
			.param(id)
			.query((row, n) -> new PasskeyView(row.getObject("id", UUID.class), row.getString("label"),
					row.getTimestamp("created_at").toInstant(),
					Optional.ofNullable(row.getTimestamp("last_used_at")).map(Timestamp::toInstant).orElse(null)))
			.list();
		int codes = jdbc.sql("select count(*) from account_recovery_code where account_id = ? and used_at is null")
			.param(id)
			.query(Integer.class)
			.single();
		return new Overview(totp, keys, codes, requiredWhateverItHas(account) || totp || !keys.isEmpty());
	}

	// TOTP

	/** Starts (or restarts) enrolling a TOTP app; refused while a confirmed one exists (remove that first). */
	public TotpSetup startTotp(AccountId account, String username) {
		boolean confirmed = jdbc.sql("select exists (select 1 from account_totp where account_id = ? and confirmed)")
			.param(account.value())
			.query(Boolean.class)
			.single();
		if (confirmed) {
			throw new AccountRefused("code", "factor.totp.exists");
		}
		byte[] secret = Totp.newSecret();
		jdbc.sql("""
				insert into account_totp (account_id, secret, last_step, confirmed, created_at)
				values (:id, :secret, 0, false, :now)
				on conflict (account_id) do update set secret = excluded.secret, last_step = 0, created_at = excluded.created_at""")
			.param("id", account.value())
			.param("secret", sealer.seal(secret, totpContext(account)))
			.param("now", Timestamp.from(clock.instant()))
			.update();
		String uri = Totp.uri(properties.webauthn().rpName(), username, secret);
		return new TotpSetup(Totp.base32(secret).replaceAll("(.{4})(?!$)", "$1 "), uri, Totp.qrSvg(uri));
	}

	/** The app being enrolled (not yet confirmed), shown again after a wrong first code: the same key, not a new one. */
	@Transactional(readOnly = true)
	public Optional<TotpSetup> pendingTotp(AccountId account, String username) {
		return jdbc.sql("select secret from account_totp where account_id = ? and not confirmed")
			.param(account.value())
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.map(sealed -> {
				byte[] secret = sealer.open(sealed, totpContext(account));
				String uri = Totp.uri(properties.webauthn().rpName(), username, secret);
				return new TotpSetup(Totp.base32(secret).replaceAll("(.{4})(?!$)", "$1 "), uri, Totp.qrSvg(uri));
			});
	}

	/** Confirms the app being enrolled with its first code; true when it matched. */
	public boolean confirmTotp(AccountId account, String code) {
		if (!useTotp(account, code, false)) {
			return false;
		}
		jdbc.sql("update account_totp set confirmed = true where account_id = ?").param(account.value()).update();
		markRequired(account);
		events.publishEvent(new SecondFactorChanged(account, "TOTP_ADDED"));
		return true;
	}

	/** Checks a code of the confirmed app; each 30-second code is accepted once. */
	public boolean verifyTotp(AccountId account, String code) {
		return useTotp(account, code, true);
	}

	private boolean useTotp(AccountId account, String code, boolean confirmed) {
		var row = jdbc.sql("select secret, last_step from account_totp where account_id = ? and confirmed = ? for update")
			.params(account.value(), confirmed)
			.query((rs, n) -> new TotpRow(rs.getBytes("secret"), rs.getLong("last_step")))
			.optional();
		if (row.isEmpty()) {
			return false;
		}
		byte[] secret = sealer.open(row.get().sealedSecret(), totpContext(account));
		OptionalLong step = Totp.matchingStep(secret, code, clock.instant(), row.get().lastStep());
		if (step.isEmpty()) {
			return false;
		}
		return jdbc.sql("update account_totp set last_step = ? where account_id = ? and last_step < ?")
			.params(step.getAsLong(), account.value(), step.getAsLong())
			.update() == 1;
	}

	private record TotpRow(byte[] sealedSecret, long lastStep) {
	}

	public void removeTotp(AccountId account) {
		refuseRemovingTheLast(account, 1, 0);
		jdbc.sql("delete from account_totp where account_id = ?").param(account.value()).update();
		events.publishEvent(new SecondFactorChanged(account, "TOTP_REMOVED"));
	}

	// Passkeys

	@Transactional(readOnly = true)
	public Map<String, Object> creationOptions(Account account, byte[] challenge) {
		return passkeys.creationOptions(challenge, userHandle(account.id()), account.username(), account.displayName(),
				credentialIds(account.id()));
	}

	/** Verifies and stores a new passkey; false when the browser's answer does not verify. */
	public boolean registerPasskey(AccountId account, String responseJson, String label, byte[] challenge,
			Set<String> origins) {
		Optional<StoredPasskey> verified = passkeys.register(responseJson, challenge, origins);
		if (verified.isEmpty()) {
			return false;
		}
		StoredPasskey passkey = verified.get();
		int added = jdbc.sql("""
				insert into account_passkey (id, account_id, credential_id, credential, sign_count, uv_initialized,
				                             backup_eligible, backup_state, label, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (credential_id) do nothing""")
			.params(UUID.randomUUID(), account.value(), passkey.credentialId(), passkey.credential(),
					passkey.signCount(), passkey.uvInitialized(), passkey.backupEligible(), passkey.backupState(),
					label, Timestamp.from(clock.instant()))
			.update();
		if (added == 0) {
			return false;
		}
		markRequired(account);
		events.publishEvent(new SecondFactorChanged(account, "PASSKEY_ADDED"));
		return true;
	}

	@Transactional(readOnly = true)
	public Map<String, Object> requestOptions(AccountId account, byte[] challenge) {
		return passkeys.requestOptions(challenge, credentialIds(account));
	}

	/**
	 * Verifies an assertion with one of this account's own passkeys: a passkey of anyone else fails like a wrong
	 * one, so that the factors of two people never make one sign-in.
	 */
	public boolean verifyPasskey(AccountId account, String responseJson, byte[] challenge, Set<String> origins) {
		Optional<byte[]> credentialId = passkeys.credentialIdOf(responseJson);
		if (credentialId.isEmpty()) {
			return false;
		}
		var stored = jdbc.sql("""
				select id, credential_id, credential, sign_count, uv_initialized, backup_eligible, backup_state
				from account_passkey where account_id = ? and credential_id = ? for update""")
			.params(account.value(), credentialId.get())
			.query((rs, n) -> Map.entry(rs.getObject("id", UUID.class),
					new StoredPasskey(rs.getBytes("credential_id"), rs.getBytes("credential"), rs.getLong("sign_count"),
							rs.getBoolean("uv_initialized"), rs.getBoolean("backup_eligible"),
							rs.getBoolean("backup_state"))))
			.optional();
		if (stored.isEmpty()) {
			return false;
		}
		long signCount = passkeys.authenticate(responseJson, challenge, origins, stored.get().getValue());
		if (signCount < 0) {
			return false;
		}
		jdbc.sql("update account_passkey set sign_count = greatest(sign_count, ?), last_used_at = ? where id = ?")
			.params(signCount, Timestamp.from(clock.instant()), stored.get().getKey())
			.update();
		return true;
	}

	public void removePasskey(AccountId account, UUID passkey) {
		refuseRemovingTheLast(account, 0, 1);
		int removed = jdbc.sql("delete from account_passkey where id = ? and account_id = ?")
			.params(passkey, account.value())
			.update();
		if (removed == 0) {
			throw new AccountRefused(null, "account.notFound");
		}
		events.publishEvent(new SecondFactorChanged(account, "PASSKEY_REMOVED"));
	}

	// Recovery codes

	/** Ten new recovery codes, shown once; the earlier ones stop working. */
	public List<String> newRecoveryCodes(AccountId account) {
		jdbc.sql("delete from account_recovery_code where account_id = ?").param(account.value()).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			codes.add(newRecoveryCode());
		}
		List<String> hashes = slowHashes.run(() -> codes.stream().map(code -> RECOVERY_ARGON2ID.encode(preHash(code))).toList());
		for (String hash : hashes) {
			jdbc.sql("insert into account_recovery_code (id, code_hash, account_id) values (?, ?, ?)")
				.params(UUID.randomUUID(), hash, account.value())
				.update();
		}
		events.publishEvent(new SecondFactorChanged(account, "RECOVERY_CODES_MADE"));
		return Collections.unmodifiableList(codes);
	}

	/**
	 * Uses one recovery code of this account; true when it was one and unused. The typed code is checked against
	 * each unused code of the account (at most ten light Argon2id hashes, one turn of the bounded hashing).
	 */
	public boolean useRecoveryCode(AccountId account, String code) {
		if (code == null || code.length() > 64) {
			return false;
		}
		record Stored(UUID id, String hash) {
		}
		List<Stored> unused = jdbc.sql("""
				select id, code_hash from account_recovery_code where account_id = ? and used_at is null for update""")
			.param(account.value())
			.query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getString("code_hash")))
			.list();
		if (unused.isEmpty()) {
			return false;
		}
		String typed = preHash(code);
		Optional<UUID> match = slowHashes.run(() -> unused.stream()
			.filter(stored -> RECOVERY_ARGON2ID.matches(typed, stored.hash()))
			.map(Stored::id)
			.findFirst());
		return match.isPresent() && jdbc.sql("update account_recovery_code set used_at = ? where id = ? and used_at is null")
			.params(Timestamp.from(clock.instant()), match.get())
			.update() == 1;
	}

	/** An administrator's reset: every factor and code goes; the need for a factor stays. */
	public void resetAll(AccountId account) {
		jdbc.sql("delete from account_totp where account_id = ?").param(account.value()).update();
		jdbc.sql("delete from account_passkey where account_id = ?").param(account.value()).update();
		jdbc.sql("delete from account_recovery_code where account_id = ?").param(account.value()).update();
		events.publishEvent(new SecondFactorChanged(account, "FACTORS_RESET"));
	}

	private void refuseRemovingTheLast(AccountId account, int totpRemoved, int passkeysRemoved) {
		int totp = jdbc.sql("select count(*) from account_totp where account_id = ? and confirmed")
			.param(account.value())
			.query(Integer.class)
			.single();
		int keys = jdbc.sql("select count(*) from account_passkey where account_id = ?")
			.param(account.value())
			.query(Integer.class)
			.single();
		boolean required = jdbc.sql("select second_factor_required from account where id = ?")
			.param(account.value())
			.query(Boolean.class)
			.single();
		if (required && totp - Math.min(totp, totpRemoved) + keys - Math.min(keys, passkeysRemoved) == 0) {
			throw new AccountRefused(null, "factor.lastOne");
		}
	}

	private void markRequired(AccountId account) {
		jdbc.sql("update account set second_factor_required = true where id = ?").param(account.value()).update();
	}

	private List<byte[]> credentialIds(AccountId account) {
		return jdbc.sql("select credential_id from account_passkey where account_id = ? order by created_at")
			.param(account.value())
			.query((rs, n) -> rs.getBytes(1))
			.list();
	}

	private static byte[] userHandle(AccountId account) {
		return ByteBuffer.allocate(16)
			.putLong(account.value().getMostSignificantBits())
			.putLong(account.value().getLeastSignificantBits())
			.array();
	}

	private static byte[] totpContext(AccountId account) {
		return ("account_totp:" + account.value()).getBytes(StandardCharsets.UTF_8);
	}

	/** One recovery code: 16 characters from an alphabet of 32 (80 bits) from the CSPRNG, in groups of four. */
	static String newRecoveryCode() {
		StringBuilder code = new StringBuilder(19);
		for (int c = 0; c < 16; c++) {
			if (c > 0 && c % 4 == 0) {
				code.append('-');
			}
			code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * What is hashed for a recovery code: the SHA-256 (in hex) of the code without spaces or dashes, in capitals.
	 * Codes made before V22 were stored as that digest, which V22 wrapped in Argon2id; so they still work.
	 */
	static String preHash(String code) {
		return HexFormat.of().formatHex(Hashes.sha256(code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT)));
	}
}
