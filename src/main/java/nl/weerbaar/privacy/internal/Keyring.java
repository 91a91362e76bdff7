package nl.weerbaar.privacy.internal;

import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import nl.weerbaar.privacy.SubjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data keys, one per person, in the {@code keyring} schema: each a Tink AES-256-GCM keyset, stored only wrapped
 * by the {@link KeyEncryptionKey} with the person's id as associated data. The keyring is kept apart from the data
 * (its own schema, backed up on its own and for a short time only): destroying a key erases the person, also in
 * data backups taken before.
 */
@Component
public class Keyring {

	private static final Logger log = LoggerFactory.getLogger(Keyring.class);

	/** Unwrapped keys are kept this long; a key destroyed on another node stops working here within that time. */
	private static final Duration CACHE_TIME = Duration.ofSeconds(60);

	private final JdbcClient jdbc;
	private final org.springframework.jdbc.core.JdbcTemplate batch;
	private final KeyEncryptionKey kek;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final Cache<UUID, Aead> unwrapped = Caffeine.newBuilder()
		.expireAfterWrite(CACHE_TIME)
		.maximumSize(10_000)
		.build();

	Keyring(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, KeyEncryptionKey kek,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.kek = kek;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The person's data key as an AEAD; made when {@code create} and there is none yet; empty once destroyed. */
	public Optional<Aead> aeadFor(SubjectId subject, boolean create) {
		Aead cached = unwrapped.getIfPresent(subject.value());
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<StoredKey> stored = find(subject);
		if (stored.isEmpty() && create) {
			stored = Optional.of(createKey(subject));
		}
		if (stored.isEmpty() || stored.get().wrapped() == null) {
			return Optional.empty();
		}
		Aead aead = unwrap(subject, stored.get().wrapped());
		unwrapped.put(subject.value(), aead);
		return Optional.of(aead);
	}

	/**
	 * Makes data keys for many new people at once (a bulk import), stored in one batch; returns each person's AEAD.
	 * People who already have a key keep theirs.
	 */
	public java.util.Map<SubjectId, Aead> createKeys(java.util.Collection<SubjectId> subjects) {
		java.util.Map<SubjectId, Aead> created = new java.util.HashMap<>();
		List<Object[]> rows = new java.util.ArrayList<>();
		long primary = kek.primaryKeyId();
		Timestamp now = Timestamp.from(clock.instant());
		try {
			for (SubjectId subject : subjects) {
				KeysetHandle key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
				rows.add(new Object[] { subject.value(), wrap(subject, key), primary, now });
				created.put(subject, key.getPrimitive(RegistryConfiguration.get(), Aead.class));
			}
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("could not make data keys", e);
		}
		int[][] inserted = batch.batchUpdate("""
				insert into keyring.data_key (subject_id, wrapped, kek_key_id, created_at)
				values (?, ?, ?, ?) on conflict (subject_id) do nothing""", rows, 1000, (ps, row) -> {
			for (int i = 0; i < row.length; i++) {
				ps.setObject(i + 1, row[i]);
			}
		});
		// a person who had a key already keeps it: use the stored one for them
		int index = 0;
		for (int[] chunk : inserted) {
			for (int count : chunk) {
				if (count == 0) {
					SubjectId subject = new SubjectId((UUID) rows.get(index)[0]);
					created.put(subject, aeadFor(subject, false).orElseThrow(() -> new IllegalStateException("key destroyed")));
				}
				index++;
			}
		}
		return created;
	}

	/** Destroys the person's data key: every value sealed for them can no longer be opened, anywhere. */
	public boolean destroy(SubjectId subject) {
		int changed = jdbc.sql("""
				insert into keyring.data_key (subject_id, wrapped, kek_key_id, created_at, shredded_at)
				values (?, null, null, ?, ?)
				on conflict (subject_id) do update set wrapped = null, kek_key_id = null, shredded_at = excluded.shredded_at
				where keyring.data_key.shredded_at is null""")
			.params(subject.value(), Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
			.update();
		unwrapped.invalidate(subject.value());
		return changed > 0;
	}

	public boolean isDestroyed(SubjectId subject) {
		return find(subject).map(key -> key.wrapped() == null).orElse(false);
	}

	/** Hourly, on one node: finishes any re-wrapping a rotation left (e.g. one done on another node). */
	@Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT1H")
	@SchedulerLock(name = "keyring-rewrap", lockAtMostFor = "PT1H")
	public void rewrapOnSchedule() {
		rewrapAll();
	}

	/**
	 * Re-wraps every data key that is not wrapped by the current primary KEK key, in small transactions, while the
	 * application keeps running.
	 */
	public int rewrapAll() {
		kek.reload();
		long primary = kek.primaryKeyId();
		int total = 0;
		while (true) {
			Integer done = transactions.execute(status -> {
				List<StoredKey> batch = jdbc.sql("""
						select subject_id, wrapped from keyring.data_key
						where wrapped is not null and kek_key_id <> ? limit 500 for update skip locked""")
					.param(primary)
					.query((rs, row) -> new StoredKey(rs.getObject("subject_id", UUID.class), rs.getBytes("wrapped")))
					.list();
				for (StoredKey key : batch) {
					SubjectId subject = new SubjectId(key.subjectId());
					byte[] rewrapped = wrap(subject, parse(subject, key.wrapped()));
					jdbc.sql("update keyring.data_key set wrapped = ?, kek_key_id = ?, rewrapped_at = ? where subject_id = ?")
						.params(rewrapped, primary, Timestamp.from(clock.instant()), key.subjectId())
						.update();
				}
				return batch.size();
			});
			if (done == null || done == 0) {
				break;
			}
			total += done;
		}
		if (total > 0) {
			log.info("Re-wrapped {} data keys under key-encryption key {}", total, primary);
		}
		return total;
	}

	private StoredKey createKey(SubjectId subject) {
		try {
			KeysetHandle key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			jdbc.sql("""
					insert into keyring.data_key (subject_id, wrapped, kek_key_id, created_at)
					values (?, ?, ?, ?) on conflict (subject_id) do nothing""")
				.params(subject.value(), wrap(subject, key), kek.primaryKeyId(), Timestamp.from(clock.instant()))
				.update();
			// another node may have made one at the same moment: use whichever was stored
			return find(subject).orElseThrow();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("could not make a data key", e);
		}
	}

	private Optional<StoredKey> find(SubjectId subject) {
		return jdbc.sql("select subject_id, wrapped from keyring.data_key where subject_id = ?")
			.param(subject.value())
			.query((rs, row) -> new StoredKey(rs.getObject("subject_id", UUID.class), rs.getBytes("wrapped")))
			.optional();
	}

	private byte[] wrap(SubjectId subject, KeysetHandle key) {
		try {
			return TinkProtoKeysetFormat.serializeEncryptedKeyset(key, kek.wrapping(), subjectBytes(subject));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("could not wrap a data key", e);
		}
	}

	private KeysetHandle parse(SubjectId subject, byte[] wrapped) {
		try {
			return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek.wrapping(), subjectBytes(subject));
		}
		catch (GeneralSecurityException first) {
			// wrapped under a key this node has not seen yet: another node rotated the key file
			if (kek.reload()) {
				try {
					return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek.wrapping(), subjectBytes(subject));
				}
				catch (GeneralSecurityException ignored) {
					// fall through to the error below
				}
			}
			throw new IllegalStateException("the data key of subject " + subject + " does not unwrap", first);
		}
	}

	private Aead unwrap(SubjectId subject, byte[] wrapped) {
		try {
			return parse(subject, wrapped).getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the data key of subject " + subject + " cannot be used", e);
		}
	}

	private static byte[] subjectBytes(SubjectId subject) {
		return ("weerbaar-data-key-v1\u001f" + subject).getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private record StoredKey(UUID subjectId, byte[] wrapped) {
	}
}
