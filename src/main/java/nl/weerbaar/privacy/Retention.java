package nl.weerbaar.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import nl.weerbaar.privacy.PrivacyEvents.LegalHoldChanged;
import nl.weerbaar.privacy.internal.PrivacyProperties;
import nl.weerbaar.privacy.internal.Shredder;
import nl.weerbaar.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long people's data is kept. Modules start a retention clock when data becomes due to go (a case closes); the
 * daily job shreds every person whose time is up, unless a legal hold keeps them.
 */
@Service
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);
	private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	/** A person whose data will be shredded, and when. */
	public record Due(SubjectId subject, RetentionKind kind, Instant retainUntil, boolean legalHold) {
	}

	private final JdbcClient jdbc;
	private final PrivacyProperties properties;
	private final Shredder shredder;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Retention(JdbcClient jdbc, PrivacyProperties properties, Shredder shredder, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.shredder = shredder;
		this.events = events;
		this.clock = clock;
	}

	/** Starts (or restarts) the clock: the person's data goes {@code kind}'s period after {@code from}. */
	@Transactional
	public Instant startClock(SubjectId subject, RetentionKind kind, Instant from) {
		Period period = switch (kind) {
			case CLOSED_CASE -> properties.retention().closedCase();
			case UNCONFIRMED_PUBLIC_REQUEST -> properties.retention().unconfirmedPublicRequest();
		};
		Instant until = from.atZone(AMSTERDAM).plus(period).toInstant();
		jdbc.sql("""
				insert into data_subject (id, retention_kind, retain_until) values (?, ?, ?)
				on conflict (id) do update set retention_kind = excluded.retention_kind, retain_until = excluded.retain_until""")
			.params(subject.value(), kind.name(), Timestamp.from(until))
			.update();
		return until;
	}

	/** Stops a running clock (a public request was confirmed by a coordinator): the data stays until a clock starts again. */
	@Transactional
	public void stopClock(SubjectId subject) {
		jdbc.sql("update data_subject set retention_kind = null, retain_until = null where id = ? and shredded_at is null")
			.param(subject.value())
			.update();
	}

	@Transactional
	public void placeLegalHold(SubjectId subject, String reason, Actor by) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("a legal hold needs a reason (e.g. a case number)");
		}
		jdbc.sql("""
				insert into data_subject (id, legal_hold, legal_hold_reason) values (?, true, ?)
				on conflict (id) do update set legal_hold = true, legal_hold_reason = excluded.legal_hold_reason""")
			.params(subject.value(), reason.strip())
			.update();
		events.publishEvent(new LegalHoldChanged(subject, true, by.id(), by.role()));
	}

	@Transactional
	public void releaseLegalHold(SubjectId subject, Actor by) {
		jdbc.sql("update data_subject set legal_hold = false, legal_hold_reason = null where id = ?")
			.param(subject.value())
			.update();
		events.publishEvent(new LegalHoldChanged(subject, false, by.id(), by.role()));
	}

	/** Everyone whose data is due to be shredded within {@code window} (held ones too, marked), soonest first. */
	@Transactional(readOnly = true)
	public List<Due> dueWithin(Duration window) {
		return jdbc.sql("""
				select id, retention_kind, retain_until, legal_hold from data_subject
				where shredded_at is null and retain_until is not null and retain_until <= ?
				order by retain_until""")
			.param(Timestamp.from(clock.instant().plus(window)))
			.query((rs, row) -> new Due(new SubjectId(rs.getObject("id", UUID.class)),
					RetentionKind.valueOf(rs.getString("retention_kind")), rs.getTimestamp("retain_until").toInstant(),
					rs.getBoolean("legal_hold")))
			.list();
	}

	/**
	 * Daily at 03:15, on one node only: shreds everyone whose time is up and who is not held. A run keeps the lock
	 * for at least a minute, so nodes whose clocks differ a little do not run it twice.
	 */
	@Scheduled(cron = "${weerbaar.privacy.retention.cron:0 15 3 * * *}", zone = "Europe/Amsterdam")
	@SchedulerLock(name = "retention-shred", lockAtLeastFor = "PT1M", lockAtMostFor = "PT1H")
	public void shredDue() {
		shredDueNow();
	}

	/** Shreds everyone whose time is up and who is not held, now, without taking the job's lock. */
	public int shredDueNow() {
		List<UUID> due = jdbc.sql("""
				select id from data_subject
				where shredded_at is null and not legal_hold and retain_until is not null and retain_until <= ?""")
			.param(Timestamp.from(clock.instant()))
			.query(UUID.class)
			.list();
		due.forEach(id -> shredder.shred(new SubjectId(id), "RETENTION", null));
		if (!due.isEmpty()) {
			log.info("Retention: shredded {} people whose retention period ended", due.size());
		}
		return due.size();
	}
}
