package nl.weerbaar.security.internal;

import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import nl.weerbaar.security.AccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends an approved set-up link straight to its owner, at the address where they hear about their account's security
 * (ASVS V6.4.6): then neither administrator ever sees its secret. Only to an address the owner set themselves: one an
 * administrator set (perhaps their own mailbox) or one from before that was recorded counts as none. The link is built on the configured base URL
 * ({@code weerbaar.security.notices.base-url}), never on the request's Host header. Without an address or a mail
 * server, or when the mail fails, it is not sent and the approving administrator is shown the link to hand over.
 */
@Component
public class SetupLinkDelivery {

	private static final Logger log = LoggerFactory.getLogger(SetupLinkDelivery.class);

	private final NotificationAddresses addresses;
	private final Optional<JavaMailSender> sender;
	private final NoticeProperties properties;

	SetupLinkDelivery(NotificationAddresses addresses, ObjectProvider<JavaMailSender> sender,
			NoticeProperties properties) {
		this.addresses = addresses;
		this.sender = Optional.ofNullable(sender.getIfAvailable());
		this.properties = properties;
	}

	/** Whether the link can go to its owner by mail (a mail server and an address the owner set themselves). */
	public boolean canSend(AccountId account) {
		return sender.isPresent() && addresses.setByOwner(account).isPresent();
	}

	/** Mails the link to its owner; false when it could not be sent. */
	public boolean send(AccountId account, String token) {
		Optional<String> address = sender.isEmpty() ? Optional.empty() : addresses.setByOwner(account);
		if (address.isEmpty()) {
			return false;
		}
		String link = UriComponentsBuilder.fromUri(properties.baseUrl())
			.replacePath("/account/setup")
			.queryParam("token", token)
			.build()
			.toUriString();
		try {
			MimeMessage message = sender.get().createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(properties.from());
			helper.setTo(address.get());
			helper.setSubject("Weerbaar: kies een nieuw wachtwoord / choose a new password");
			helper.setText("""
					Twee beheerders van Weerbaar hebben een link gemaakt waarmee u een nieuw wachtwoord kiest voor uw
					account. De link werkt één keer en 24 uur lang; uw tweede factor blijft nodig:

					%s

					Hebt u hier niet om gevraagd? Gebruik de link niet en neem contact op met uw beheerder.

					Two Weerbaar administrators made a link with which you choose a new password for your account. It
					works once and for 24 hours; your second factor stays required (link above). If you did not ask for
					this, do not use it and contact your administrator.
					--
					Weerbaar, Ondersteuningsteam Weerbaar Bestuur
					""".formatted(link), false);
			sender.get().send(message);
			return true;
		}
		catch (MessagingException | MailException e) {
			log.warn("The set-up link for account {} could not be mailed: {}", account, e.getClass().getSimpleName());
			return false;
		}
	}
}
