package nl.weerbaar.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
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
import org.springframework.core.env.Environment;
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

		private static final Pattern CREDENTIALS = Pattern.compile("one-time password: (\\S+)");

		@LocalServerPort
		int port;

		@Autowired
		JdbcClient jdbc;

		@Autowired
		Environment environment;

		@Test
		void goesToAFileOnlyItsOwnerReadsIsNeverLoggedAndMustBeReplacedAtTheFirstSignIn(CapturedOutput output)
				throws Exception {
			Path file = Path.of(environment.getProperty("weerbaar.security.first-admin-password-file"))
				.toAbsolutePath()
				.normalize();
			assertThat(Files.getPosixFilePermissions(file)).as("POSIX 0600")
				.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
			Matcher matcher = CREDENTIALS.matcher(Files.readString(file));
			assertThat(matcher.find()).isTrue();
			String password = matcher.group(1);
			assertThat(output.getAll()).as("the path is logged").contains(file.toString())
				.as("the password is not").doesNotContain(password);

			WebSession admin = new WebSession(port);
			assertThat(admin.signIn("admin", password).location()).endsWith("/login/factor");
			admin.enrolTotp();
			assertThat(admin.get("/admin/accounts").location()).endsWith("/account/password");
			assertThat(jdbc.sql("select count(*) from account_role where role = 'ADMIN'").query(Long.class).single())
				.isEqualTo(1);
		}
	}
}
