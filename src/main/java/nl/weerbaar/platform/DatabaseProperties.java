package nl.weerbaar.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL, used only when {@code spring.datasource.url} is not set.
 *
 * @param dataDir where the server keeps its files; they survive restarts
 * @param port the port to listen on (loopback only); 0 picks a free one
 */
@ConfigurationProperties("weerbaar.database")
record DatabaseProperties(@DefaultValue("./data/weerbaar") Path dataDir, @DefaultValue("0") int port) {
}
