package nl.weerbaar.platform.transport;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V12.3.1/V12.3.2: the check runs on the data source that Spring Boot makes from {@code spring.datasource.url}, before
 * it connects: no database server is needed (nothing listens at db.example.invalid).
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseTlsCheckTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(TransportConfiguration.class)
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
		.withPropertyValues("spring.datasource.username=weerbaar");

	@Test
	void aRemoteDatabaseWithoutAVerifiedTlsConnectionStopsTheStartAndSaysWhatToSet() {
		for (String url : new String[] { "jdbc:postgresql://db.example.invalid:5432/weerbaar",
				"jdbc:postgresql://db.example.invalid/weerbaar?sslmode=require",
				"jdbc:postgresql://db.example.invalid/weerbaar?sslmode=prefer&ssl=true",
				"jdbc:postgresql://10.0.0.5/weerbaar?sslmode=disable",
				"jdbc:postgresql://[2001:db8::5]:5432/weerbaar",
				"jdbc:postgresql://localhost:5432,db.example.invalid:5432/weerbaar?sslmode=require" }) {
			context.withPropertyValues("spring.datasource.url=" + url).run(started -> {
				assertThat(started).as(url).hasFailed();
				assertThat(started.getStartupFailure()).as(url)
					.rootCause()
					.isInstanceOf(DatabaseTlsCheck.UnverifiedDatabaseTlsException.class)
					.hasMessageContaining("sslmode=verify-full")
					.hasMessageContaining("weerbaar.database.allow-unverified-tls=true")
					.hasMessageNotContaining("localhost");
			});
		}
	}

	@Test
	void aRemoteDatabaseWithItsCertificateVerifiedIsUsed() {
		for (String url : new String[] { "jdbc:postgresql://db.example.invalid:5432/weerbaar?sslmode=verify-full",
				"jdbc:postgresql://db.example.invalid/weerbaar?ApplicationName=weerbaar&sslmode=VERIFY-CA",
				"jdbc:postgresql://db1.example.invalid,db2.example.invalid/weerbaar?sslmode=verify-full&targetServerType=primary" }) {
			context.withPropertyValues("spring.datasource.url=" + url)
				.run(started -> assertThat(started).as(url).hasNotFailed().hasSingleBean(HikariDataSource.class));
		}
		context
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example.invalid/weerbaar",
					"spring.datasource.hikari.data-source-properties.sslmode=verify-full")
			.run(started -> assertThat(started).as("sslmode as a driver property").hasNotFailed());
	}

	@Test
	void aDatabaseOnThisMachineNeedsNoTls() {
		for (String url : new String[] { "jdbc:postgresql://localhost:5432/weerbaar", "jdbc:postgresql://127.0.0.1/weerbaar",
				"jdbc:postgresql://127.10.0.1:6543/weerbaar", "jdbc:postgresql://[::1]:5432/weerbaar", "jdbc:postgresql:weerbaar",
				"jdbc:postgresql:///weerbaar" }) {
			context.withPropertyValues("spring.datasource.url=" + url).run(started -> assertThat(started).as(url).hasNotFailed());
		}
	}

	@Test
	void anExplicitSettingAcceptsAnUnverifiedConnectionWithAWarningOnEveryStart(CapturedOutput output) {
		context
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example.invalid/weerbaar?sslmode=require",
					"weerbaar.database.allow-unverified-tls=true")
			.run(started -> assertThat(started).hasNotFailed());
		assertThat(output).contains("WARN").contains("without a verified TLS connection").contains("db.example.invalid");
	}

	@Test
	void theHostsOfAUrlAreReadAsTheDriverReadsThem() {
		assertThat(DatabaseTlsCheck.remoteHosts("jdbc:postgresql://db.example.invalid:5432/weerbaar")).containsExactly("db.example.invalid");
		assertThat(DatabaseTlsCheck.remoteHosts("jdbc:postgresql://127.0.0.1,db2:5433/weerbaar?x=1")).containsExactly("db2");
		assertThat(DatabaseTlsCheck.remoteHosts("jdbc:postgresql://[2001:db8::1]:5432/weerbaar")).containsExactly("[2001:db8::1]");
		assertThat(DatabaseTlsCheck.remoteHosts("jdbc:postgresql://localhost?sslmode=disable")).isEmpty();
		assertThat(DatabaseTlsCheck.remoteHosts("jdbc:postgresql://127.0.0.1.example.invalid/weerbaar"))
			.as("only a loopback address is loopback, not a name that starts like one")
			.containsExactly("127.0.0.1.example.invalid");
		assertThat(DatabaseTlsCheck.remoteHosts("jdbc:h2:mem:weerbaar")).isEmpty();
	}
}
