package nl.weerbaar.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a PostgreSQL server of our own when no {@code spring.datasource.url} (or {@code SPRING_DATASOURCE_URL}) is given,
 * so that Weerbaar runs from a fresh clone. Production points at a real server and never reaches this class.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

	/** The bootstrap superuser: it owns the schema and runs the migrations. */
	static final String OWNER_ROLE = "postgres";

	/** The role the application connects as; it owns nothing. */
	static final String APPLICATION_ROLE = "weerbaar_app";

	static final String PASSWORD_FILE = "weerbaar-app-password";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(DatabaseProperties properties) {
		Path dataDir = properties.dataDir().toAbsolutePath().normalize();
		boolean existing = Files.isRegularFile(dataDir.resolve("PG_VERSION"));
		try {
			Files.createDirectories(dataDir.getParent());
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
					.setDataDirectory(dataDir)
					.setCleanDataDirectory(false)
					.setPort(properties.port())
					.setServerConfig("listen_addresses", "localhost")
					.setServerConfig("max_connections", "50")
					.start();
			log.info("Embedded PostgreSQL started on port {} with {} data directory {}", postgres.getPort(),
					existing ? "existing" : "new", dataDir);
			return postgres;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir
					+ " (is another Weerbaar using it?)", e);
		}
	}

	/**
	 * The application's pool connects as {@value #APPLICATION_ROLE}, which owns nothing ({@link DatabaseRoles}); its
	 * password is made at first start and kept in the data directory (owner-only, like the rest of it).
	 */
	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgres postgres, DatabaseProperties properties) {
		String password = applicationRole(postgres, properties.dataDir().toAbsolutePath().normalize().resolve(PASSWORD_FILE));
		HikariDataSource dataSource = DataSourceBuilder.create()
				.type(HikariDataSource.class)
				.url("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres")
				.username(APPLICATION_ROLE)
				.password(password)
				.build();
		dataSource.setPoolName("weerbaar-embedded");
		dataSource.setMaximumPoolSize(10);
		return dataSource;
	}

	/** Makes the role when missing and (re)sets its password to the one in the file, made when missing. */
	private static String applicationRole(EmbeddedPostgres postgres, Path passwordFile) {
		try {
			String password;
			if (Files.isRegularFile(passwordFile)) {
				password = Files.readString(passwordFile).strip();
			}
			else {
				byte[] random = new byte[32];
				new SecureRandom().nextBytes(random);
				password = HexFormat.of().formatHex(random);
				Path temporary = Files.createTempFile(passwordFile.getParent(), ".app", ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				Files.writeString(temporary, password + "\n");
				Files.move(temporary, passwordFile, StandardCopyOption.ATOMIC_MOVE);
			}
			if (!password.matches("[0-9a-f]{64}")) {
				throw new IllegalStateException("The file " + passwordFile + " does not hold a password this application made");
			}
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APPLICATION_ROLE
						+ "') then create role " + APPLICATION_ROLE + "; end if; end $$");
				// a hex password cannot break out of the literal
				statement.execute("alter role " + APPLICATION_ROLE
						+ " with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '" + password + "'");
			}
			return password;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not keep the application's database password at " + passwordFile, e);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not make the application's database role " + APPLICATION_ROLE, e);
		}
	}

	static final class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}
	}
}
