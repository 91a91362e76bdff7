package nl.weerbaar.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.weerbaar.testing.WebSession;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The first administrator: never a default password. */
class AdminBootstrapTests {

	@Nested
	@WebTest
	@TestPropertySource(properties = { "weerbaar.test.database=bootstrap_given", "WEERBAAR_ADMIN_PASSWORD=the operator chose this" })
	class PasswordFromTheEnvironment {

		@LocalServerPort
		int port;

		@Test
		void theAdministratorSignsInWithItAndIsNotAskedToChangeIt() {
			WebSession admin = new WebSession(port);
			assertThat(admin.signIn("admin", "the operator chose this").location())
				.as("an administrator needs a second factor, and enrols one first").endsWith("/login/factor");
			admin.enrolTotp();
			assertThat(admin.get("/admin/accounts").status()).isEqualTo(200);
		}
	}

	@Nested
	@WebTest
	@ExtendWith(OutputCaptureExtension.class)
	@TestPropertySource(properties = "weerbaar.test.database=bootstrap_generated")
	class GeneratedOneTimePassword {

		private static final Pattern PRINTED = Pattern.compile("one-time password: (\\S+)");

		@LocalServerPort
		int port;

		@Autowired
		JdbcClient jdbc;

		@Test
		void isPrintedOnceAndMustBeReplacedAtTheFirstSignIn(CapturedOutput output) {
			String password = printedPassword(output);
			WebSession admin = new WebSession(port);
			assertThat(admin.signIn("admin", password).location()).endsWith("/login/factor");
			admin.enrolTotp();
			assertThat(admin.get("/admin/accounts").location()).endsWith("/account/password");
			assertThat(jdbc.sql("select count(*) from account_role where role = 'ADMIN'").query(Long.class).single())
				.isEqualTo(1);
		}

		private String printedPassword(CapturedOutput output) {
			Matcher matcher = PRINTED.matcher(output.getOut());
			if (matcher.find()) {
				return matcher.group(1);
			}
			// the context was started by an earlier test in this class; its output went to that test
			throw new IllegalStateException("the bootstrap password was not printed while this test ran");
		}
	}
}
