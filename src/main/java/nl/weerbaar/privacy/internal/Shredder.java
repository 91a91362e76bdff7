package nl.weerbaar.privacy.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import nl.weerbaar.privacy.PrivacyEvents.SubjectShredded;
import nl.weerbaar.privacy.SubjectId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Crypto-shredding: destroys a person's data key and records that it happened (and why, and by whom). */
@Component
public class Shredder {

	private final Keyring keyring;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Shredder(Keyring keyring, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.keyring = keyring;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void shred(SubjectId subject, String cause, UUID by) {
		keyring.destroy(subject);
		jdbc.sql("""
				insert into data_subject (id, shredded_at) values (?, ?)
				on conflict (id) do update set shredded_at = excluded.shredded_at, legal_hold_reason = null,
				                               legal_hold = false""")
			.params(subject.value(), Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new SubjectShredded(subject, cause, by));
	}
}
