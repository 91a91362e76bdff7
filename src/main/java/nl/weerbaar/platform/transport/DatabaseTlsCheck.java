package nl.weerbaar.platform.transport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * A PostgreSQL server on another machine is used over TLS with its certificate verified ({@code sslmode=verify-full},
 * or {@code verify-ca}), or not at all: the application refuses to start, unless
 * {@code weerbaar.database.allow-unverified-tls=true} says otherwise (logged as a warning on every start). A server on
 * loopback (the embedded one, or one on the same machine) is exempt. Checked on every HikariCP pool as it is made,
 * before it connects; the audit trail's pool copies the main pool's settings.
 */
final class DatabaseTlsCheck implements BeanPostProcessor {

	static final String ALLOW_PROPERTY = "weerbaar.database.allow-unverified-tls";

	private static final Logger log = LoggerFactory.getLogger(DatabaseTlsCheck.class);
	private static final String PREFIX = "jdbc:postgresql:";
	private static final Set<String> VERIFIED = Set.of("verify-full", "verify-ca");

	private final boolean allowUnverified;

	DatabaseTlsCheck(boolean allowUnverified) {
		this.allowUnverified = allowUnverified;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
			check(pool.getJdbcUrl(), pool.getDataSourceProperties());
		}
		return bean;
	}

	void check(String url, Properties properties) {
		List<String> remote = remoteHosts(url);
		if (remote.isEmpty()) {
			return;
		}
		String mode = properties == null ? null : properties.getProperty("sslmode");
		String fromUrl = parameter(url, "sslmode");
		if (fromUrl != null) {
			mode = fromUrl;
		}
		if (mode != null && VERIFIED.contains(mode.toLowerCase(Locale.ROOT))) {
			return;
		}
		if (allowUnverified) {
			log.warn("The database server {} is used without a verified TLS connection (sslmode={}), because {}=true: "
					+ "anyone on the network path can read or change what is sent", remote, mode, ALLOW_PROPERTY);
			return;
		}
		throw new UnverifiedDatabaseTlsException(remote, mode);
	}

	/** The hosts of a PostgreSQL JDBC URL that are not loopback; none for another kind of URL. */
	static List<String> remoteHosts(String url) {
		if (!url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return List.of();
		}
		String rest = url.substring(PREFIX.length());
		if (!rest.startsWith("//")) {
			return List.of(); // jdbc:postgresql:database means localhost
		}
		int end = rest.length();
		for (char stop : new char[] { '/', '?' }) {
			int at = rest.indexOf(stop, 2);
			if (at >= 0) {
				end = Math.min(end, at);
			}
		}
		List<String> remote = new ArrayList<>();
		for (String hostAndPort : rest.substring(2, end).split(",")) {
			String host = hostAndPort.startsWith("[") ? hostAndPort.substring(0, hostAndPort.indexOf(']') + 1)
					: hostAndPort.contains(":") ? hostAndPort.substring(0, hostAndPort.indexOf(':')) : hostAndPort;
			if (!host.isBlank() && !Loopback.is(host)) {
				remote.add(host);
			}
		}
		return remote;
	}

	private static String parameter(String url, String name) {
		int query = url.indexOf('?');
		if (query < 0) {
			return null;
		}
		String found = null;
		for (String pair : url.substring(query + 1).split("&")) {
			int equals = pair.indexOf('=');
			String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			if (key.equalsIgnoreCase(name)) {
				found = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
		}
		return found;
	}

	/** Why the application did not start; its message says what to set. */
	static final class UnverifiedDatabaseTlsException extends IllegalStateException {

		UnverifiedDatabaseTlsException(List<String> hosts, String mode) {
			super("The database server " + String.join(", ", hosts) + " is not on this machine, and the connection to it "
					+ "does not verify the server's TLS certificate (sslmode=" + (mode == null ? "not set" : mode) + "). "
					+ "Add sslmode=verify-full to the JDBC URL (e.g. jdbc:postgresql://" + hosts.getFirst()
					+ ":5432/weerbaar?sslmode=verify-full, with the server's CA in ~/.postgresql/root.crt or sslrootcert=...), "
					+ "or set " + ALLOW_PROPERTY + "=true to accept an unverified connection.");
		}
	}
}
