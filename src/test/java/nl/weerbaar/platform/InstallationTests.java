package nl.weerbaar.platform;

import javax.sql.DataSource;

import nl.weerbaar.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstallationTests {

	@Test
	void theDemoProfileRefusesADatabaseThatHoldsLiveData() {
		JdbcClient jdbc = freshDatabase("installation_live");
		Installation live = new Installation(jdbc, new MockEnvironment());
		assertThat(live.isDemo()).isFalse();
		assertThatThrownBy(() -> new Installation(jdbc, demoProfile())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("refuses to start on a database that holds live data");
	}

	@Test
	void aDemoDatabaseStaysADemoDatabase() {
		JdbcClient jdbc = freshDatabase("installation_demo");
		assertThat(new Installation(jdbc, demoProfile()).isDemo()).isTrue();
		assertThat(new Installation(jdbc, demoProfile()).isDemo()).isTrue();
		assertThat(new Installation(jdbc, new MockEnvironment()).isDemo()).as("still shows the banner").isTrue();
	}

	private static MockEnvironment demoProfile() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles(Installation.DEMO_PROFILE);
		return environment;
	}

	private static JdbcClient freshDatabase(String name) {
		DataSource dataSource = TestDatabase.dataSource(name);
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return JdbcClient.create(dataSource);
	}
}
