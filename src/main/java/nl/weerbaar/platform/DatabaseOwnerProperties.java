package nl.weerbaar.platform;

/**
 * The database role that owns the schema and runs the migrations, apart from the role the application connects as
 * ({@code spring.datasource.username}), which owns nothing. Used only with an external database; the embedded
 * PostgreSQL migrates as its bootstrap superuser and connects the application as {@value EmbeddedPostgresConfiguration#APPLICATION_ROLE}.
 *
 * @param url the owner's JDBC URL; empty: the application's ({@code spring.datasource.url})
 * @param username the owner role ({@code WEERBAAR_DB_OWNER_USER}); empty: the application's user migrates too (one
 *        role for both, with a warning at start)
 * @param password its password ({@code WEERBAAR_DB_OWNER_PASSWORD})
 */
@org.springframework.boot.context.properties.ConfigurationProperties("weerbaar.database.owner")
record DatabaseOwnerProperties(String url, String username, String password) {
}
