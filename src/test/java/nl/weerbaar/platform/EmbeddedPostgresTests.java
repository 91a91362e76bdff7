package nl.weerbaar.platform;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.weerbaar.WeerbaarApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
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
			JdbcClient owner = JdbcClient.create(context.getBean(EmbeddedPostgres.class).getPostgresDatabase());
			assertThat(owner.sql("select current_setting('server_version_num')::int").query(Integer.class).single())
				.as("PostgreSQL 18").isBetween(180000, 189999);
			owner.sql("create table kept (note text)").update();
			owner.sql("insert into kept values ('still here')").update();
			port[0] = context.getBean(EmbeddedPostgres.class).getPort();
		});
		assertThat(dataDir.resolve("PG_VERSION")).exists();
		assertThatThrownBy(() -> new Socket("localhost", port[0]).close()).as("the server stopped with the application");

		runner.withPropertyValues("weerbaar.database.data-dir=" + dataDir).run(context -> {
			JdbcClient owner = JdbcClient.create(context.getBean(EmbeddedPostgres.class).getPostgresDatabase());
			assertThat(owner.sql("select note from kept").query(String.class).single()).isEqualTo("still here");
		});
	}

	@Test
	void theApplicationConnectsAsARoleThatOwnsNothingWithAPasswordKeptBesideTheData(@TempDir Path dir) throws Exception {
		Path dataDir = dir.resolve("weerbaar");
		Path passwordFile = dataDir.resolve(EmbeddedPostgresConfiguration.PASSWORD_FILE);
		String[] password = new String[1];
		runner.withPropertyValues("weerbaar.database.data-dir=" + dataDir).run(context -> {
			HikariDataSource dataSource = context.getBean(HikariDataSource.class);
			JdbcClient application = JdbcClient.create(dataSource);
			assertThat(application.sql("select current_user").query(String.class).single()).isEqualTo("weerbaar_app");
			assertThat(application.sql("select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user")
				.query(Boolean.class).single()).isFalse();
			assertThatThrownBy(() -> application.sql("create table mine (note text)").update())
				.rootCause().hasMessageContaining("permission denied for schema public");
			password[0] = dataSource.getPassword();
		});
		assertThat(password[0]).hasSize(64);
		assertThat(Files.readString(passwordFile).strip()).isEqualTo(password[0]);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");

		runner.withPropertyValues("weerbaar.database.data-dir=" + dataDir).run(context -> {
			HikariDataSource dataSource = context.getBean(HikariDataSource.class);
			assertThat(dataSource.getPassword()).as("the same password after a restart").isEqualTo(password[0]);
			assertThat(JdbcClient.create(dataSource).sql("select 1").query(Integer.class).single()).isOne();
		});
	}

	@Test
	void theWholeApplicationMigratesAsTheOwnerAndRunsAsARoleThatOwnsNothing(@TempDir Path dir) {
		try (ConfigurableApplicationContext application = new SpringApplicationBuilder(WeerbaarApplication.class).run(
				"--server.port=0", "--weerbaar.database.data-dir=" + dir.resolve("data/weerbaar"),
				"--weerbaar.secrets-dir=" + dir.resolve("keys/weerbaar"), "--logging.level.root=WARN")) {
			JdbcClient jdbc = JdbcClient.create(application.getBean(DataSource.class));
			JdbcClient owner = JdbcClient.create(application.getBean(EmbeddedPostgres.class).getPostgresDatabase());
			assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("weerbaar_app");
			assertThat(owner.sql("select distinct installed_by from flyway_schema_history").query(String.class).list())
				.containsExactly("postgres");
			assertThat(jdbc.sql("select count(*) from audit_head").query(Long.class).single()).isOne();
			assertThatThrownBy(() -> jdbc.sql("alter table audit_event disable trigger audit_event_append_only").update())
				.rootCause().hasMessageContaining("must be owner");
		}
		assertThat(dir.resolve("keys/weerbaar/kek.json")).exists();
		assertThat(dir.resolve("data/weerbaar-keys")).doesNotExist();
	}

	@Test
	void staysOutOfTheWayWhenADatabaseUrlIsConfigured() {
		runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example/weerbaar")
			.run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgres.class).doesNotHaveBean(DataSource.class));
	}
}
