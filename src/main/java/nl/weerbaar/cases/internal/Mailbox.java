package nl.weerbaar.cases.internal;

import java.util.Optional;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends Weerbaar's notifications over SMTP ({@code spring.mail.*}). They never carry case content: a count, a
 * sentence and a link to sign in. Without a mail server configured nothing is sent.
 */
@Component
class Mailbox {

	private static final Logger log = LoggerFactory.getLogger(Mailbox.class);

	private final Optional<JavaMailSender> sender;
	private final CasesProperties properties;

	Mailbox(ObjectProvider<JavaMailSender> sender, CasesProperties properties) {
		this.sender = Optional.ofNullable(sender.getIfAvailable());
		this.properties = properties;
	}

	boolean configured() {
		return sender.isPresent();
	}

	/** A link into Weerbaar: the configured address and a path without ids or personal data. */
	String link(String path) {
		return properties.mail().baseUrl().resolve(path).toString();
	}

	/** Sends one plain-text e-mail; false when no mail server is configured. Fails with the mail server's error. */
	boolean send(String to, String subject, String text) {
		if (sender.isEmpty()) {
			return false;
		}
		try {
			MimeMessage message = sender.get().createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(properties.mail().from());
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text, false);
			sender.get().send(message);
			return true;
		}
		catch (jakarta.mail.MessagingException e) {
			throw new org.springframework.mail.MailPreparationException("could not prepare a notification", e);
		}
		catch (MailException e) {
			log.warn("Sending a notification failed: {}", e.getClass().getSimpleName());
			throw e;
		}
	}
}
