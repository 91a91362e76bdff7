package nl.weerbaar.security.internal;

import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import nl.weerbaar.security.AccountEvents.AccessTokenChanged;
import nl.weerbaar.security.AccountEvents.ApprovalDecided;
import nl.weerbaar.security.AccountEvents.ApprovalRequested;
import nl.weerbaar.security.ApprovalAction;
import nl.weerbaar.security.AccountEvents.NotificationAddressChanged;
import nl.weerbaar.security.AccountEvents.PasswordChanged;
import nl.weerbaar.security.AccountEvents.SecondFactorChanged;
import nl.weerbaar.security.AccountEvents.SignedInFromNewBrowser;
import nl.weerbaar.security.AccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells a person by e-mail, at the address they chose, what just happened to their account's security: a sign-in
 * from a new browser, a factor added or removed, new recovery codes, a new token, a new password. Sent after the
 * change is committed, never inside it; short, Dutch first and then English, with no case content, no secret and
 * no detail an eavesdropper could use. Without an address, or without a mail server, nothing is sent.
 */
@Component
class SecurityNotices {

	private static final Logger log = LoggerFactory.getLogger(SecurityNotices.class);

	/** What a notice says, in Dutch and in English. */
	enum Notice {
		NEW_BROWSER("er is aangemeld vanuit een nieuwe browser", "someone signed in from a new browser"),
		FACTOR_CHANGED("uw tweede factor is gewijzigd", "your second factor was changed"),
		RECOVERY_CODES("er zijn nieuwe herstelcodes gemaakt", "new recovery codes were made"),
		NEW_TOKEN("er is een nieuw API-token gemaakt", "a new API token was made"),
		PASSWORD_CHANGED("uw wachtwoord is gewijzigd", "your password was changed"),
		ADDRESS_CHANGED("het adres voor deze berichten is gewijzigd", "the address for these notices was changed"),
		FACTOR_RESET_REQUESTED("een beheerder vraagt uw tweede factor te verwijderen; een tweede beheerder moet dat goedkeuren",
				"an administrator asks to remove your second factor; a second administrator must approve it"),
		SETUP_LINK_REQUESTED("een beheerder vraagt een link waarmee een nieuw wachtwoord wordt gekozen; een tweede beheerder moet dat goedkeuren",
				"an administrator asks for a link to choose a new password; a second administrator must approve it"),
		GRANT_ADMIN_REQUESTED("een beheerder vraagt uw account de beheerdersrol te geven; een tweede beheerder moet dat goedkeuren",
				"an administrator asks to give your account the administrator role; a second administrator must approve it"),
		SETUP_LINK_APPROVED("twee beheerders hebben een link gemaakt waarmee een nieuw wachtwoord wordt gekozen",
				"two administrators made a link to choose a new password"),
		GRANT_ADMIN_APPROVED("uw account heeft de beheerdersrol gekregen", "your account was given the administrator role");

		private final String dutch;
		private final String english;

		Notice(String dutch, String english) {
			this.dutch = dutch;
			this.english = english;
		}
	}

	private final NotificationAddresses addresses;
	private final Optional<JavaMailSender> sender;
	private final NoticeProperties properties;

	SecurityNotices(NotificationAddresses addresses, ObjectProvider<JavaMailSender> sender,
			NoticeProperties properties) {
		this.addresses = addresses;
		this.sender = Optional.ofNullable(sender.getIfAvailable());
		this.properties = properties;
	}

	@TransactionalEventListener
	void on(SignedInFromNewBrowser event) {
		send(event.account(), Notice.NEW_BROWSER);
	}

	@TransactionalEventListener
	void on(SecondFactorChanged event) {
		send(event.account(), event.change().equals("RECOVERY_CODES_MADE") ? Notice.RECOVERY_CODES
				: Notice.FACTOR_CHANGED);
	}

	@TransactionalEventListener
	void on(AccessTokenChanged event) {
		if (event.created()) {
			send(event.account(), Notice.NEW_TOKEN);
		}
	}

	@TransactionalEventListener
	void on(ApprovalRequested event) {
		send(event.account(), switch (event.action()) {
			case FACTOR_RESET -> Notice.FACTOR_RESET_REQUESTED;
			case SETUP_LINK -> Notice.SETUP_LINK_REQUESTED;
			case GRANT_ADMIN -> Notice.GRANT_ADMIN_REQUESTED;
		});
	}

	/** An approved factor reset is told as any factor change (SecondFactorChanged); the other two here. */
	@TransactionalEventListener
	void on(ApprovalDecided event) {
		if (event.approved() && event.action() != ApprovalAction.FACTOR_RESET) {
			send(event.account(), event.action() == ApprovalAction.SETUP_LINK ? Notice.SETUP_LINK_APPROVED
					: Notice.GRANT_ADMIN_APPROVED);
		}
	}

	@TransactionalEventListener
	void on(PasswordChanged event) {
		send(event.account(), Notice.PASSWORD_CHANGED);
	}

	/**
	 * The previous address is told, as it is the one a takeover would silence. It is read now, inside the change and
	 * before the new address is written, and the mail goes after the commit.
	 */
	@EventListener
	void on(NotificationAddressChanged event) {
		Optional<String> previous = sender.isPresent() ? addresses.of(event.account()) : Optional.empty();
		if (previous.isPresent() && TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					send(event.account(), previous, Notice.ADDRESS_CHANGED);
				}
			});
		}
	}

	private void send(AccountId account, Notice notice) {
		send(account, sender.isEmpty() ? Optional.empty() : addresses.of(account), notice);
	}

	private void send(AccountId account, Optional<String> address, Notice notice) {
		if (sender.isEmpty() || address.isEmpty()) {
			return;
		}
		String sessions = properties.baseUrl().resolve("/account/sessions").toString();
		try {
			MimeMessage message = sender.get().createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(properties.from());
			helper.setTo(address.get());
			helper.setSubject("Weerbaar: " + notice.dutch + " / " + notice.english);
			helper.setText("""
					Bij uw Weerbaar-account: %s.

					Was u dit zelf? Dan hoeft u niets te doen. Was u het niet? Meld u aan, wijzig uw wachtwoord en
					beëindig sessies die u niet kent (%s), en neem contact op met uw beheerder.

					For your Weerbaar account: %s.

					Was this you? Then there is nothing to do. If it was not, sign in, change your password, end any
					session you do not recognise (%s) and contact your administrator.
					--
					Weerbaar, Ondersteuningsteam Weerbaar Bestuur
					""".formatted(notice.dutch, sessions, notice.english, sessions), false);
			sender.get().send(message);
		}
		catch (MessagingException | MailException e) {
			// the change itself stands; the account id is enough to follow up, the address is not logged
			log.warn("The {} notice for account {} could not be sent: {}", notice, account, e.getClass().getSimpleName());
		}
	}
}
