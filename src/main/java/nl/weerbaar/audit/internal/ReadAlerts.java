package nl.weerbaar.audit.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import nl.weerbaar.audit.AuditTrail;
import nl.weerbaar.shared.AuditEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells the desk when one account reads far more case content than usual: a stolen session or token working through
 * the files, or someone looking where they need not. Every interval (on one node), the trail's reads of content in the
 * last hour are counted per account and compared with a floor, the account's own usual rate and a fixed ceiling
 * ({@link ReadAlertProperties}). An alert is an audit record ({@code READ_ALERT}, object: the account) and an e-mail to
 * the desk address(es) with the account's id, its roles and the counts: no content, no name, no address. One alert per
 * account per hour.
 */
@Component
public class ReadAlerts {

	private static final Logger log = LoggerFactory.getLogger(ReadAlerts.class);

	/** One account's reads in the last hour and its usual rate per active hour. */
	public record Reading(UUID account, String roles, long lastHour, double usual) {
	}

	private final JdbcClient jdbc;
	private final AuditTrail trail;
	private final Optional<JavaMailSender> sender;
	private final ReadAlertProperties properties;
	private final Clock clock;

	ReadAlerts(JdbcClient jdbc, AuditTrail trail, ObjectProvider<JavaMailSender> sender,
			ReadAlertProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.trail = trail;
		this.sender = Optional.ofNullable(sender.getIfAvailable());
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${weerbaar.security.read-alert.interval:PT15M}",
			initialDelayString = "${weerbaar.security.read-alert.interval:PT15M}")
	@SchedulerLock(name = "read-alerts", lockAtMostFor = "PT10M")
	void scheduled() {
		checkNow();
	}

	/** Looks at the last hour now; returns the accounts alerted for. */
	public List<Reading> checkNow() {
		Instant now = clock.instant();
		Instant hourAgo = now.minus(Duration.ofHours(1));
		List<Reading> alerts = jdbc.sql("""
				with recent as (
				    select actor_id, string_agg(distinct actor_role, ',') as roles, count(*) as n
				    from audit_event
				    where occurred_at > :hourAgo and result = 'ALLOWED' and actor_id is not null and action in (:actions)
				    group by actor_id
				    having count(*) > :minimum)
				select r.actor_id, r.roles, r.n,
				       (select count(*)::float8 / greatest(count(distinct date_trunc('hour', e.occurred_at)), 1)
				        from audit_event e
				        where e.actor_id = r.actor_id and e.result = 'ALLOWED' and e.action in (:actions)
				          and e.occurred_at > :since and e.occurred_at <= :hourAgo) as usual
				from recent r
				where not exists (select 1 from audit_event a where a.action = 'READ_ALERT'
				                  and a.object_id = r.actor_id::text and a.occurred_at > :hourAgo)""")
			.param("hourAgo", Timestamp.from(hourAgo))
			.param("since", Timestamp.from(now.minus(Duration.ofDays(properties.baselineDays()))))
			.param("actions", properties.actions())
			.param("minimum", properties.minimum())
			.query((rs, row) -> new Reading(rs.getObject("actor_id", UUID.class), rs.getString("roles"),
					rs.getLong("n"), rs.getDouble("usual")))
			.list()
			.stream()
			.filter(reading -> unusual(reading.lastHour(), reading.usual(), properties))
			.toList();
		alerts.forEach(this::alert);
		return alerts;
	}

	/** Above the floor and either above the ceiling or far above the account's own usual rate. */
	static boolean unusual(long lastHour, double usual, ReadAlertProperties properties) {
		return lastHour > properties.minimum()
				&& (lastHour > properties.ceiling() || lastHour > properties.multiplier() * usual);
	}

	private static String oneDecimal(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
	}

	private void alert(Reading reading) {
		trail.append(new AuditEntry(null, null, "READ_ALERT", "ACCOUNT", reading.account().toString(), true, null));
		log.warn("Unusual reading: account {} ({}) read {} items of content in the last hour (usual {} per hour)",
				reading.account(), reading.roles(), reading.lastHour(), oneDecimal(reading.usual()));
		List<String> to = properties.to().stream().filter(address -> !address.isBlank()).toList();
		if (sender.isEmpty() || to.isEmpty()) {
			return;
		}
		try {
			MimeMessage message = sender.get().createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(properties.from());
			helper.setTo(to.toArray(String[]::new));
			helper.setSubject("Weerbaar: ongewoon veel inzage door één account / unusual reading by one account");
			String usual = oneDecimal(reading.usual());
			helper.setText("""
					Eén account heeft het afgelopen uur ongewoon veel dossierinhoud ingezien.

					Account: %s
					Rollen: %s
					Inzagen het afgelopen uur: %d
					Gewoonlijk per actief uur: %s

					Kijk in het auditlog welke stukken het waren (Beheer, Auditlog, filter op dit account) en overleg
					met de beheerder: sessies beëindigen of het account blokkeren kan direct.

					One account read an unusual amount of case content in the last hour: account %s, roles %s,
					%d reads in the last hour, usually %s per active hour. See the audit trail for this account.
					--
					Weerbaar, Ondersteuningsteam Weerbaar Bestuur
					""".formatted(reading.account(), reading.roles(), reading.lastHour(), usual, reading.account(),
					reading.roles(), reading.lastHour(), usual), false);
			sender.get().send(message);
		}
		catch (MessagingException | MailException e) {
			log.warn("The unusual-reading alert for account {} could not be mailed: {}", reading.account(),
					e.getClass().getSimpleName());
		}
	}
}
