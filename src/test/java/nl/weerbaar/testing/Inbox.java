package nl.weerbaar.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** What a test's GreenMail server received for one address: every test class shares the server, so filter by it. */
public final class Inbox {

	private Inbox() {
	}

	public static List<MimeMessage> to(GreenMailExtension mail, String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch(recipient -> recipient.toString().equals(address));
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	public static List<String> subjects(GreenMailExtension mail, String address) throws MessagingException {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage message : to(mail, address)) {
			subjects.add(message.getSubject());
		}
		return subjects;
	}
}
