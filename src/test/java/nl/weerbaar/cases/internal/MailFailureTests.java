package nl.weerbaar.cases.internal;

import java.net.ServerSocket;
import java.util.Map;

import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A mail server that is down (a port nothing listens on): the failure is logged as a security-relevant event, without
 * the address, the subject or the text (ASVS V16.3.4, V16.5.2), and the caller hears of it.
 */
@WebTest
@ExtendWith(OutputCaptureExtension.class)
class MailFailureTests {

	@Autowired
	CasesProperties properties;

	@Test
	void aMailServerThatIsDownIsLoggedWithoutAnyPersonalDataAndTheCallerHearsOfIt(CapturedOutput output) throws Exception {
		JavaMailSenderImpl down = new JavaMailSenderImpl();
		down.setHost("127.0.0.1");
		try (ServerSocket probe = new ServerSocket(0)) {
			down.setPort(probe.getLocalPort());
		}
		Mailbox mailbox = new Mailbox(new StaticListableBeanFactory(Map.of("mailSender", down))
			.getBeanProvider(JavaMailSender.class), properties);

		assertThatThrownBy(() -> mailbox.send("anna.de.vries@gemeente-voorbeeld.nl", "Bedreiging Anna de Vries",
				"Anna de Vries, Dorpsstraat 12")).isInstanceOf(MailException.class);
		assertThat(output.getOut()).contains("Sending a notification failed: MailSendException");
		assertThat(output.getAll()).doesNotContain("anna", "Anna", "gemeente-voorbeeld", "Dorpsstraat");
	}
}
