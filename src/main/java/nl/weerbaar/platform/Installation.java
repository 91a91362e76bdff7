package nl.weerbaar.platform;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether this database holds demo data or live data. The mode is fixed the first time Weerbaar starts on a database;
 * the demo profile refuses a live database so that demo accounts with a known password never land among real people.
 */
@Component
public class Installation {

	public static final String DEMO_PROFILE = "demo";

	private static final Logger log = LoggerFactory.getLogger(Installation.class);

	private final boolean demo;

	Installation(JdbcClient jdbc, Environment environment) {
		boolean demoProfile = Arrays.asList(environment.getActiveProfiles()).contains(DEMO_PROFILE);
		String mode = jdbc.sql("select mode from installation").query(String.class).optional().orElse(null);
		if (mode == null) {
			mode = demoProfile ? "DEMO" : "LIVE";
			jdbc.sql("insert into installation (id, mode) values (1, ?) on conflict (id) do nothing")
				.param(mode)
				.update();
			mode = jdbc.sql("select mode from installation").query(String.class).single();
		}
		if (demoProfile && !"DEMO".equals(mode)) {
			throw new IllegalStateException("The demo profile refuses to start on a database that holds live data. "
					+ "Run the demo on its own database (the default ./data/demo), or start without the demo profile.");
		}
		if (!demoProfile && "DEMO".equals(mode)) {
			log.warn("This database holds demo data; Weerbaar keeps showing the DEMO banner.");
		}
		this.demo = "DEMO".equals(mode);
	}

	/** True when this database was set up for the demo: pages show the DEMO banner. */
	public boolean isDemo() {
		return demo;
	}
}
