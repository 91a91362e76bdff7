package nl.weerbaar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * One embedded PostgreSQL for the whole test run, shared by every Spring test context. Each context gets a database
 * in it: {@code weerbaar} by default, {@code demo} for contexts with the demo profile (the demo profile refuses a
 * live database), or the name in the test property {@value #DATABASE_PROPERTY} for a test that needs a fresh one.
 * Registered in META-INF/spring.factories, so no test has to ask for it.
 */
public final class TestDatabase {

	public static final String DATABASE_PROPERTY = "weerbaar.test.database";

	/** The role the application connects as in the tests, as in production: it owns nothing; postgres migrates. */
	public static final String APPLICATION_ROLE = "weerbaar_app";

	private static final String APPLICATION_PASSWORD = "test-only";

	private static EmbeddedPostgres server;
	private static final Set<String> created = new HashSet<>();
	private static java.nio.file.Path keys;

	private TestDatabase() {
	}

	public static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
				try (Connection connection = server.getPostgresDatabase().getConnection()) {
					connection.createStatement().execute("create role " + APPLICATION_ROLE + " login password '"
							+ APPLICATION_PASSWORD + "'");
				}
			}
			catch (IOException | SQLException e) {
				throw new IllegalStateException("could not start the embedded PostgreSQL for the tests", e);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (IOException ignored) {
					// the JVM is ending anyway
				}
			}));
		}
		return server;
	}

	/** The JDBC URL of a database in the shared server, created on first use. */
	public static synchronized String url(String database) {
		EmbeddedPostgres postgres = server();
		if (created.add(database)) {
			try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
				connection.createStatement().execute("drop database if exists " + database);
				connection.createStatement().execute("create database " + database);
			}
			catch (SQLException e) {
				throw new IllegalStateException("could not create test database " + database, e);
			}
		}
		// no user in the URL: it would override the user each context is given
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
	}

	/** One key-encryption key file per test database, made by the application on first use, gone after the run. */
	public static synchronized java.nio.file.Path kekFile(String database) {
		try {
			if (keys == null) {
				keys = java.nio.file.Files.createTempDirectory("weerbaar-test-keys");
				keys.toFile().deleteOnExit();
			}
			return keys.resolve(database + "-kek.json");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A data source on a database of the shared server as its owner (the superuser that runs Flyway), for tests that
	 * work below Spring or do what the application's own role may not (tamper with the audit trail, make tables).
	 */
	public static DataSource dataSource(String database) {
		url(database);
		return server().getDatabase("postgres", database);
	}

	static final class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			String database = Arrays.stream(config.getPropertySourceProperties())
				.filter(property -> property.startsWith(DATABASE_PROPERTY + "="))
				.map(property -> property.substring(DATABASE_PROPERTY.length() + 1))
				.findFirst()
				.orElse(List.of(config.getActiveProfiles()).contains("demo") ? "demo" : "weerbaar");
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("weerbaarTestDatabase", Map.of("spring.datasource.url", url(database),
						"spring.datasource.username", APPLICATION_ROLE, "spring.datasource.password", APPLICATION_PASSWORD,
						"weerbaar.database.owner.username", "postgres", "weerbaar.privacy.kek-file",
						kekFile(database).toString())));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}
	}

	public static final class Factory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return new Customizer();
		}
	}
}
