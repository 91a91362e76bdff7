package nl.weerbaar.cases.internal;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of cases ({@code weerbaar.cases.*}).
 *
 * @param mail where e-mails come from and the address of Weerbaar that their links point to
 * @param reminders how often overdue items are looked for, and the coordinators' shared desk address (blank: the desk
 * gets no reminders)
 */
@ConfigurationProperties("weerbaar.cases")
public record CasesProperties(Mail mail, Reminders reminders) {

	public record Mail(String from, URI baseUrl) {
	}

	public record Reminders(Duration interval, Duration initialDelay, String deskAddress) {
	}
}
