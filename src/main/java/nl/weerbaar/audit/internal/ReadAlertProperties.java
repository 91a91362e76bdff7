package nl.weerbaar.audit.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When one account reads far more case content than usual (ASVS V2.4.1 for reads, V16.3.x): counted from the audit
 * trail per account over the last hour.
 *
 * @param to the desk address(es) the alert goes to; empty: the alert is only recorded in the trail and the log
 * @param from the sender
 * @param actions the trail's actions that are reads of content
 * @param minimum never an alert at or below this many reads in an hour
 * @param multiplier above the minimum, an alert when the hour's reads exceed this many times the account's own usual
 *        rate (its reads per active hour over {@code baselineDays})
 * @param ceiling always an alert above this many reads in an hour, whatever the account's usual rate
 * @param baselineDays how far back the usual rate is taken
 * @param interval how often the trail is looked at (once across all nodes)
 */
@ConfigurationProperties("weerbaar.security.read-alert")
record ReadAlertProperties(@DefaultValue List<String> to,
		@DefaultValue("Weerbaar <noreply@weerbaar.invalid>") String from,
		@DefaultValue({ "READ_CASE", "READ_PERSONAL_DATA", "READ_REFERRAL", "EXPORT" }) List<String> actions,
		@DefaultValue("200") int minimum, @DefaultValue("5") double multiplier, @DefaultValue("1000") int ceiling,
		@DefaultValue("28") int baselineDays, @DefaultValue("PT15M") Duration interval) {
}
