package nl.weerbaar.platform;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Two database roles: an owner that runs Flyway (and so owns every table, trigger and sequence), and the application's
 * role, which owns nothing and is granted row access only ({@link ApplicationRoleGrants}). SQL reaching the
 * application's connection can then not switch off the audit trail's triggers, truncate, drop or alter anything.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRoles {

	private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);

	/** Customizers run after Spring Boot has given Flyway the application's data source: this one replaces it. */
	@Bean
	FlywayConfigurationCustomizer migrateAsTheOwner(ObjectProvider<EmbeddedPostgres> embedded,
			DatabaseOwnerProperties owner, Environment environment) {
		return configuration -> {
			EmbeddedPostgres postgres = embedded.getIfAvailable();
			if (postgres != null) {
				configuration.dataSource(postgres.getJdbcUrl(EmbeddedPostgresConfiguration.OWNER_ROLE, "postgres"),
						EmbeddedPostgresConfiguration.OWNER_ROLE, null);
			}
			else if (StringUtils.hasText(owner.username())) {
				String url = StringUtils.hasText(owner.url()) ? owner.url() : environment.getProperty("spring.datasource.url");
				configuration.dataSource(url, owner.username(), owner.password());
			}
			else {
				log.warn("The application's database user also runs the migrations and owns the tables: it could switch "
						+ "off the audit trail's triggers. Set WEERBAAR_DB_OWNER_USER and WEERBAAR_DB_OWNER_PASSWORD to a "
						+ "role of its own (see README, \"Use a real PostgreSQL server\").");
			}
		};
	}

	@Bean
	ApplicationRoleGrants applicationRoleGrants(DataSource dataSource) {
		return new ApplicationRoleGrants(dataSource);
	}
}
