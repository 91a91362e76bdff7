package nl.weerbaar.platform;

import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import nl.weerbaar.audit.internal.AuditPool;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V13.2.6: the running application's connections follow docs/security/architecture.md ("Connections, limits, timeouts
 * and retries"): the main pool, the audit trail's own pool on the same database, and the mail server's timeouts.
 */
@WebTest
class ConnectionLimitsTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	AuditPool auditPool;

	@Autowired
	JavaMailSenderImpl mail;

	@Test
	void theDatabasePoolsHaveTheDocumentedSizesAndWaits() throws Exception {
		HikariDataSource main = dataSource.unwrap(HikariDataSource.class);
		assertThat(main.getMaximumPoolSize()).isEqualTo(10);
		assertThat(main.getConnectionTimeout()).isEqualTo(30_000);
		assertThat(main.getDataSourceProperties()).containsEntry("connectTimeout", "10").containsEntry("loginTimeout", "10");

		HikariDataSource audit = (HikariDataSource) ReflectionTestUtils.getField(auditPool, "dataSource");
		assertThat(audit.getMaximumPoolSize()).isEqualTo(3);
		assertThat(audit.getConnectionTimeout()).isEqualTo(10_000);
		assertThat(audit.getJdbcUrl()).as("the same database, so the same TLS rule").isEqualTo(main.getJdbcUrl());
		assertThat(audit.getDataSourceProperties()).isEqualTo(main.getDataSourceProperties());
	}

	@Test
	void theMailServerIsGivenAFewSecondsToConnectReadAndWrite() {
		Properties properties = mail.getJavaMailProperties();
		for (String timeout : new String[] { "connectiontimeout", "timeout", "writetimeout" }) {
			assertThat(properties.getProperty("mail.smtp." + timeout)).as(timeout).isNotNull();
			assertThat(Integer.parseInt(properties.getProperty("mail.smtp." + timeout))).as(timeout).isBetween(1, 5000);
		}
	}
}
