package nl.weerbaar.platform;

import java.net.Socket;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded PostgreSQL that `./mvnw spring-boot:run` uses when no database server is configured. */
class EmbeddedPostgresTests {

	@Configuration
	@EnableConfigurationProperties(DatabaseProperties.class)
	static class Settings {
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class, EmbeddedPostgresConfiguration.class);

	@Test
	void keepsItsDataUnderTheDataDirectoryAcrossRestartsAndStopsOnShutdown(@TempDir Path dir) {
		Path dataDir = dir.resolve("weerbaar");
		int[] port = new int[1];
		runner.withPropertyValues("weerbaar.database.data-dir=" + dataDir).run(context -> {
			JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
			assertThat(jdbc.sql("select current_setting('server_version_num')::int").query(Integer.class).single())
				.as("PostgreSQL 18").isBetween(180000, 189999);
			jdbc.sql("create table kept (note text)").update();
			jdbc.sql("insert into kept values ('still here')").update();
			port[0] = context.getBean(EmbeddedPostgres.class).getPort();
		});
		assertThat(dataDir.resolve("PG_VERSION")).exists();
		assertThatThrownBy(() -> new Socket("localhost", port[0]).close()).as("the server stopped with the application");

		runner.withPropertyValues("weerbaar.database.data-dir=" + dataDir).run(context -> {
			JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
			assertThat(jdbc.sql("select note from kept").query(String.class).single()).isEqualTo("still here");
		});
	}

	@Test
	void staysOutOfTheWayWhenADatabaseUrlIsConfigured() {
		runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example/weerbaar")
			.run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgres.class).doesNotHaveBean(DataSource.class));
	}
}
