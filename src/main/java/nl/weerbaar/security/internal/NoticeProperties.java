package nl.weerbaar.security.internal;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notices to a person about their own account (a new browser, a factor, codes, a token, a password).
 *
 * @param from the sender of the notices
 * @param baseUrl this Weerbaar, for the link to the person's sessions
 */
@ConfigurationProperties("weerbaar.security.notices")
public record NoticeProperties(@DefaultValue("Weerbaar <noreply@weerbaar.invalid>") String from,
		@DefaultValue("http://localhost:8080/") URI baseUrl) {
}
