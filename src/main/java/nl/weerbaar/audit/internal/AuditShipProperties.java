package nl.weerbaar.audit.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where each audit record, and the chain head at intervals, is sent out of the database as one JSON line.
 *
 * @param mode OFF (the default), FILE (appended to {@code file}, for a collector that tails it), SYSLOG_UDP or
 *        SYSLOG_TCP (RFC 5424 to {@code host}:{@code port}; TCP frames by octet counting, RFC 6587)
 * @param file the file for FILE
 * @param host the syslog collector
 * @param port its port
 * @param queue lines waiting to be sent; when full, a line is dropped and counted rather than holding the trail
 */
@ConfigurationProperties("weerbaar.audit.ship")
public record AuditShipProperties(@DefaultValue("OFF") Mode mode, Path file, @DefaultValue("localhost") String host,
		@DefaultValue("514") int port, @DefaultValue("10000") int queue) {

	public enum Mode {
		OFF, FILE, SYSLOG_UDP, SYSLOG_TCP
	}
}
