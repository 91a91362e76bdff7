package nl.weerbaar.audit.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import nl.weerbaar.audit.AuditTrail;
import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk hears when one account reads far more case content in an hour than usual: an e-mail (GreenMail, to the
 * desk address of the test configuration) and an audit record, with the account's id, roles and counts only.
 */
@WebTest
class ReadAlertTests {

	@RegisterExtension
	static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@Autowired
	ReadAlerts alerts;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAccountReadingFarMoreThanTheFloorIsReportedToTheDeskOnceAnHour() throws Exception {
		UUID busy = UUID.randomUUID();
		UUID steady = UUID.randomUUID();
		UUID request = UUID.randomUUID();
		for (int i = 0; i < 201; i++) {
			trail.append(AuditEntry.allowed(busy, "SUPPORTER", "READ_CASE", "CASE", request.toString()));
		}
		for (int i = 0; i < 200; i++) {
			trail.append(AuditEntry.allowed(steady, "COORDINATOR", "READ_PERSONAL_DATA", "PERSON", request.toString()));
		}
		trail.append(AuditEntry.allowed(steady, "COORDINATOR", "SIGN_IN", "ACCOUNT", steady.toString()));

		List<ReadAlerts.Reading> alerted = alerts.checkNow();
		assertThat(alerted).extracting(ReadAlerts.Reading::account).contains(busy).doesNotContain(steady);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'READ_ALERT' and object_id = ?")
			.param(busy.toString()).query(Long.class).single()).isEqualTo(1);

		MimeMessage mail = Arrays.stream(MAIL.getReceivedMessages())
			.filter(message -> body(message).contains(busy.toString()))
			.findFirst()
			.orElseThrow();
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("desk@weerbaar.test");
		assertThat(mail.getSubject()).contains("ongewoon veel inzage");
		assertThat(body(mail)).contains("Rollen: SUPPORTER").contains("Inzagen het afgelopen uur: 201")
			.doesNotContain(request.toString());

		assertThat(alerts.checkNow()).as("one alert per account an hour").extracting(ReadAlerts.Reading::account)
			.doesNotContain(busy);
	}

	@Test
	void aboveTheFloorItIsTheAccountsOwnUsualRateOrTheCeilingThatCounts() {
		ReadAlertProperties settings = new ReadAlertProperties(List.of(), "x", List.of("READ_CASE"), 200, 5, 1000, 28,
				Duration.ofMinutes(15));
		assertThat(ReadAlerts.unusual(200, 0, settings)).as("never at the floor").isFalse();
		assertThat(ReadAlerts.unusual(201, 0, settings)).as("no usual reading at all").isTrue();
		assertThat(ReadAlerts.unusual(400, 100, settings)).as("a busy account's normal hour").isFalse();
		assertThat(ReadAlerts.unusual(501, 100, settings)).as("five times its usual").isTrue();
		assertThat(ReadAlerts.unusual(1001, 300, settings)).as("past the ceiling, whatever is usual").isTrue();
	}

	private static String body(MimeMessage message) {
		try {
			return (String) message.getContent();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
