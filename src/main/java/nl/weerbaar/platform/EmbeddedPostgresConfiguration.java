package nl.weerbaar.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = DataSourceBuilder.create()
				.type(HikariDataSource.class)
				.url(postgres.getJdbcUrl("postgres", "postgres"))
				.username("postgres")
				.build();
		dataSource.setPoolName("weerbaar-embedded");
		dataSource.setMaximumPoolSize(10);
		return dataSource;
	}

	static final class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}
	}
}
