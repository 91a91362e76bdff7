package nl.weerbaar.cases;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import nl.weerbaar.cases.CaseFixtures.OpenCase;
import nl.weerbaar.cases.CaseFixtures.SupporterAt;
import nl.weerbaar.cases.internal.Reminders;
import nl.weerbaar.intake.FirstContactDeadlines;
import nl.weerbaar.security.Role;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static nl.weerbaar.cases.CaseFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders and invitations against a real SMTP server (GreenMail on the port the test configuration names): each
 * overdue item is mentioned once, however many runs overlap, and no e-mail carries case content.
 */
@WebTest
class RemindersTests {

	@RegisterExtension
	static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reminders reminders;

	private CaseFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new CaseFixtures(context, port);
	}

	@Test
	void theJobRunTwiceAtTheSameTimeSendsEachReminderOnceAndNoCaseContent() throws Exception {
		SupporterAt supporter = fixtures.supporter("PV23");
		OpenCase withAction = fixtures.openCase(supporter, fixtures.officeHolder(null), "LOW");
		OpenCase waiting = fixtures.openCase(supporter, fixtures.officeHolder(null), "HIGH");
		String action = read(supporter.session().postJson("/api/v1/cases/" + withAction.caseId() + "/actions",
				"{\"what\": \"Geheime actie 4417\", \"who\": \"SUPPORTER\", \"dueOn\": \"2099-01-01\"}")).get("id").asString();
		LocalDate today = LocalDate.now(FirstContactDeadlines.AMSTERDAM);
		jdbc.sql("update case_action set due_on = ? where id = ?::uuid").params(java.sql.Date.valueOf(today.minusDays(3)), action).update();
		jdbc.sql("update support_case set next_follow_up = ? where id = ?").params(java.sql.Date.valueOf(today.minusDays(2)), withAction.caseId())
			.update();
		jdbc.sql("update support_request set due_at = now() - interval '1 hour' where id = ?").param(waiting.requestId()).update();
		String address = "steun-" + supporter.account().username() + "@weerbaar.test";

		runAtOnce(reminders::remindNow, reminders::remindNow);
		runAtOnce(reminders::remind, reminders::remind);
		reminders.remindNow();

		List<MimeMessage> mine = to(address);
		assertThat(mine).hasSize(1);
		String body = GreenMailUtil.getBody(mine.get(0));
		assertThat(mine.get(0).getSubject()).contains("3 verlopen punten").contains("3 overdue items");
		assertThat(body).contains("http://localhost:8080/cases");
		String reference = read(fixtures.coordinator.get("/api/v1/support-requests/" + waiting.requestId())).get("reference").asString();
		assertThat(body + mine.get(0).getSubject()).doesNotContain(reference).doesNotContain("4417").doesNotContain("Bedreigd")
			.doesNotContain("Wethouder").doesNotContain(waiting.caseId().toString());
		assertThat(to("desk@weerbaar.test")).as("the coordinators' desk, once").hasSize(1);
		assertThat(GreenMailUtil.getBody(to("desk@weerbaar.test").get(0))).doesNotContain(reference);

		// done and made up: nothing more; a new due date is a new reminder
		supporter.session().putJson("/api/v1/cases/" + withAction.caseId() + "/actions/" + action + "/done", "{\"done\": true}");
		reminders.remindNow();
		assertThat(to(address)).hasSize(1);
		jdbc.sql("update support_case set next_follow_up = ? where id = ?").params(java.sql.Date.valueOf(today.minusDays(1)), withAction.caseId())
			.update();
		reminders.remindNow();
		assertThat(to(address)).hasSize(2);
		assertThat(to(address).get(1).getSubject()).contains("1 verlopen punt ");
	}

	@Test
	void closingACaseInvitesTheClientToEvaluateWithoutCaseContent() throws Exception {
		SupporterAt supporter = fixtures.supporter("PV24");
		TestAccount client = new TestAccounts(context).create(Role.CLIENT);
		OpenCase open = fixtures.openCase(supporter, fixtures.officeHolder(client.id()), "LOW");
		String email = read(fixtures.coordinator.get("/api/v1/office-holders/" + open.officeHolderId())).get("email").asString();
		assertThat(supporter.session().postJson("/api/v1/cases/" + open.caseId() + "/closure",
				"{\"reason\": \"RESOLVED\", \"summary\": \"Samenvatting 8812\"}").status()).isEqualTo(200);

		MAIL.waitForIncomingEmail(5000, 1);
		List<MimeMessage> invitations = to(email);
		assertThat(invitations).hasSize(1);
		String body = GreenMailUtil.getBody(invitations.get(0));
		assertThat(body).contains("/my/cases").doesNotContain("8812").doesNotContain(open.caseId().toString());
		assertThat(invitations.get(0).getSubject()).contains("hoe was de ondersteuning");
	}

	private static List<MimeMessage> to(String address) throws MessagingException {
		return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	private static void runAtOnce(Runnable first, Runnable second) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		try {
			Future<?> a = pool.submit(() -> {
				start.await();
				first.run();
				return null;
			});
			Future<?> b = pool.submit(() -> {
				start.await();
				second.run();
				return null;
			});
			start.countDown();
			a.get();
			b.get();
		}
		finally {
			pool.shutdown();
		}
	}
}
