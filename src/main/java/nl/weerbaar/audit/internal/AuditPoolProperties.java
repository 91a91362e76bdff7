package nl.weerbaar.audit.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail's own connection pool.
 *
 * @param size connections; appends take turns on the chain head's row lock anyway, so a few are enough
 * @param connectionTimeout how long an append waits for one before it fails, and with it the action it records
 */
@ConfigurationProperties("weerbaar.audit.pool")
record AuditPoolProperties(@DefaultValue("3") int size, @DefaultValue("10s") Duration connectionTimeout) {
}
