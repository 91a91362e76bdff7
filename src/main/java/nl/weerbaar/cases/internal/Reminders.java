package nl.weerbaar.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import nl.weerbaar.intake.FirstContactDeadlines;
import nl.weerbaar.intake.Intake;
import nl.weerbaar.team.SupporterReach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds supporters and the coordinators' desk of overdue first contacts, actions and follow-ups, by e-mail with a
 * count and a link, never what the items are. Each overdue item is remembered per due moment and recipient, so it is
 * mentioned once however often and on however many nodes the job runs; ShedLock keeps two nodes from running it at
 * the same time, and row locks keep two runs from sending the same reminder if they do.
 */
@Component
public class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);
	static final String DESK = "DESK";
	private static final String SUPPORTER = "SUPPORTER:";

	private final CaseStore store;
	private final Intake intake;
	private final SupporterReach reach;
	private final Mailbox mailbox;
	private final CasesProperties properties;
	private final TransactionTemplate transaction;
	private final Clock clock;

	Reminders(CaseStore store, Intake intake, SupporterReach reach, Mailbox mailbox, CasesProperties properties,
			TransactionTemplate transaction, Clock clock) {
		this.store = store;
		this.intake = intake;
		this.reach = reach;
		this.mailbox = mailbox;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${weerbaar.cases.reminders.interval:PT15M}",
			initialDelayString = "${weerbaar.cases.reminders.initial-delay:PT1M}")
	@SchedulerLock(name = "cases-reminders", lockAtMostFor = "PT10M")
	public void remind() {
		remindNow();
	}

	/** Finds what is overdue now and sends what was not sent yet; returns the number of e-mails sent. */
	public int remindNow() {
		if (!mailbox.configured()) {
			return 0;
		}
		Instant now = clock.instant();
		LocalDate today = now.atZone(FirstContactDeadlines.AMSTERDAM).toLocalDate();
		String desk = properties.reminders().deskAddress();
		boolean toDesk = desk != null && !desk.isBlank();
		transaction.executeWithoutResult(status -> {
			for (Intake.OverdueFirstContact overdue : intake.overdueFirstContacts()) {
				remember("FIRST_CONTACT", overdue.requestId(), overdue.dueAt().toString(), overdue.assignedAccount(), toDesk, now);
			}
			for (CaseStore.Overdue overdue : store.overdue(today)) {
				remember(overdue.kind(), overdue.itemId(), overdue.dueKey(), overdue.supporterAccount(), toDesk, now);
			}
		});
		int sent = 0;
		for (String recipient : store.recipientsWithUnsent()) {
			try {
				if (Boolean.TRUE.equals(transaction.execute(status -> send(recipient, desk)))) {
					sent++;
				}
			}
			catch (MailException e) {
				// left unsent; the next run tries again
			}
		}
		return sent;
	}

	private void remember(String kind, UUID item, String dueKey, UUID supporterAccount, boolean toDesk, Instant now) {
		if (supporterAccount != null) {
			store.remember(kind, item, dueKey, SUPPORTER + supporterAccount, now);
		}
		if (toDesk) {
			store.remember(kind, item, dueKey, DESK, now);
		}
	}

	private boolean send(String recipient, String desk) {
		List<UUID> claimed = store.claimUnsent(recipient);
		if (claimed.isEmpty()) {
			return false;
		}
		Optional<String> address = recipient.equals(DESK) ? Optional.of(desk)
				: reach.notificationAddress(UUID.fromString(recipient.substring(SUPPORTER.length())));
		boolean sent = false;
		if (address.isPresent()) {
			int n = claimed.size();
			boolean forDesk = recipient.equals(DESK);
			String subject = "Weerbaar: " + n + (n == 1 ? " verlopen punt" : " verlopen punten") + " / " + n
					+ (n == 1 ? " overdue item" : " overdue items");
			String text = """
					%s

					%s

					%s
					--
					Weerbaar, Ondersteuningsteam Weerbaar Bestuur
					""".formatted(
					forDesk ? "Er " + (n == 1 ? "is 1 verlopen punt" : "zijn " + n + " verlopen punten") + " in Weerbaar (eerste contact, acties of opvolging)."
							: "U hebt " + (n == 1 ? "1 verlopen punt" : n + " verlopen punten") + " in Weerbaar (eerste contact, acties of opvolging).",
					forDesk ? "There " + (n == 1 ? "is 1 overdue item" : "are " + n + " overdue items") + " in Weerbaar (first contact, actions or follow-up)."
							: "You have " + (n == 1 ? "1 overdue item" : n + " overdue items") + " in Weerbaar (first contact, actions or follow-up).",
					mailbox.link(forDesk ? "/requests?overdue=true" : "/cases"));
			sent = mailbox.send(address.get(), subject, text);
		}
		else {
			log.info("No e-mail address for reminder recipient {}; {} reminders dropped", recipient, claimed.size());
		}
		store.markSent(recipient, claimed, clock.instant());
		return sent;
	}
}
