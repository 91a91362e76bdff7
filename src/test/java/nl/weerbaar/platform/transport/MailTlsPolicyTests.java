package nl.weerbaar.platform.transport;

import java.util.Properties;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V12.3.1/V12.3.2 for mail: the JavaMailSender that Spring Boot makes from {@code spring.mail.*} (with this
 * application's own application.yml) requires STARTTLS and checks the server's name whenever the server is not on
 * loopback; a real SMTP server without STARTTLS (GreenMail) then gets nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailTlsPolicyTests {

	@RegisterExtension
	static final GreenMailExtension PLAIN_SMTP = new GreenMailExtension(
			new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withUserConfiguration(TransportConfiguration.class)
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class));

	@Test
	void aMailServerOnAnotherMachineIsUsedOnlyWithStartTlsAndItsNameChecked() {
		context.withPropertyValues("spring.mail.host=smtp.example.invalid", "spring.mail.port=587").run(started -> {
			Properties mail = started.getBean(JavaMailSenderImpl.class).getJavaMailProperties();
			assertThat(mail.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
			assertThat(mail.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
			assertThat(mail.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
			assertThat(mail.getProperty("mail.smtp.ssl.protocols")).isEqualTo("TLSv1.3 TLSv1.2");
			assertThat(mail.getProperty("mail.smtp.ssl.trust")).as("trust is the JVM's, never everyone").isNull();
		});
	}

	@Test
	void anOperatorsAttemptToTurnStartTlsOffIsOverruledAndTrustingEveryCertificateStopsTheStart() {
		context
			.withPropertyValues("spring.mail.host=smtp.example.invalid",
					"spring.mail.properties.mail.smtp.starttls.required=false")
			.run(started -> assertThat(started.getBean(JavaMailSenderImpl.class).getJavaMailProperties()
				.getProperty("mail.smtp.starttls.required")).isEqualTo("true"));
		context
			.withPropertyValues("spring.mail.host=smtp.example.invalid", "spring.mail.properties.mail.smtp.ssl.trust=*")
			.run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("ssl.trust=*"));
	}

	@Test
	void tlsFromTheStartNeedsNoStartTlsButStillChecksTheName() {
		context.withPropertyValues("spring.mail.host=smtp.example.invalid", "spring.mail.port=465", "spring.mail.protocol=smtps")
			.run(started -> {
				Properties mail = started.getBean(JavaMailSenderImpl.class).getJavaMailProperties();
				assertThat(mail.getProperty("mail.smtps.starttls.required")).isNull();
				assertThat(mail.getProperty("mail.smtps.ssl.checkserveridentity")).isEqualTo("true");
				assertThat(mail.getProperty("mail.smtps.timeout")).isEqualTo("5000");
			});
	}

	@Test
	void aServerWithoutStartTlsGetsNoMailFromASenderMadeForAnotherMachine() {
		context.withPropertyValues("spring.mail.host=smtp.example.invalid").run(started -> {
			JavaMailSenderImpl sender = started.getBean(JavaMailSenderImpl.class);
			// the same settings, pointed at the plain SMTP server on loopback instead of the (unreachable) remote one
			sender.setHost("127.0.0.1");
			sender.setPort(PLAIN_SMTP.getSmtp().getPort());
			assertThatThrownBy(() -> sender.send(message())).isInstanceOf(MailSendException.class)
				.hasStackTraceContaining("STARTTLS");
		});
		assertThat(PLAIN_SMTP.getReceivedMessages()).isEmpty();
	}

	@Test
	void aMailServerOnLoopbackIsUsedAsItIs() {
		context.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + PLAIN_SMTP.getSmtp().getPort())
			.run(started -> {
				JavaMailSenderImpl sender = started.getBean(JavaMailSenderImpl.class);
				assertThat(sender.getJavaMailProperties().getProperty("mail.smtp.starttls.required")).isNull();
				sender.send(message());
			});
		assertThat(PLAIN_SMTP.getReceivedMessages()).hasSize(1);
	}

	@Test
	void anExplicitSettingLetsMailGoWithoutTlsWithAWarning(CapturedOutput output) {
		context.withPropertyValues("spring.mail.host=smtp.example.invalid", "weerbaar.mail.allow-plaintext=true")
			.run(started -> assertThat(started.getBean(JavaMailSenderImpl.class).getJavaMailProperties()
				.getProperty("mail.smtp.starttls.required")).isNull());
		assertThat(output).contains("WARN").contains("may go without TLS");
	}

	@Test
	void connectingReadingAndWritingEachGiveUpAfterAFewSeconds() {
		context.withPropertyValues("spring.mail.host=smtp.example.invalid").run(started -> {
			Properties mail = started.getBean(JavaMailSenderImpl.class).getJavaMailProperties();
			for (String timeout : new String[] { "connectiontimeout", "timeout", "writetimeout" }) {
				assertThat(mail.getProperty("mail.smtp." + timeout)).as(timeout).isNotNull();
				assertThat(Integer.parseInt(mail.getProperty("mail.smtp." + timeout))).as(timeout).isBetween(1, 5000);
			}
		});
	}

	private static SimpleMailMessage message() {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom("noreply@weerbaar.test");
		message.setTo("someone@weerbaar.test");
		message.setSubject("Test");
		message.setText("Geen inhoud");
		return message;
	}
}
