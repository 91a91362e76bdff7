package nl.weerbaar.security.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What Weerbaar asks of the browser beyond the fixed headers (see docs/security/browser-and-sessions.md).
 *
 * @param hstsMaxAge how long a browser keeps to HTTPS after an HTTPS response ({@code Strict-Transport-Security},
 *        sent only on HTTPS responses, always with {@code includeSubDomains}); at least a year
 * @param hstsPreload add {@code preload} to it, for a site submitted to the browsers' HSTS preload list
 * @param clearCookiesAtSignOut also name {@code "cookies"} in the {@code Clear-Site-Data} header of a sign-out (the
 *        cache and the site's storage are always cleared); off by default, because it also wipes the language cookie
 *        and the known-browser cookie, so that every later sign-in would send a "new browser" notice. The session
 *        cookie is always removed by name.
 * @param cspReportsPerMinute violation reports of the Content-Security-Policy this node takes in a minute (beyond
 *        that they are answered 429 and not logged)
 */
@ConfigurationProperties("weerbaar.security.browser")
public record BrowserProperties(@DefaultValue("365d") Duration hstsMaxAge, @DefaultValue("false") boolean hstsPreload,
		@DefaultValue("false") boolean clearCookiesAtSignOut, @DefaultValue("60") int cspReportsPerMinute) {

	public BrowserProperties {
		if (hstsMaxAge.compareTo(Duration.ofDays(365)) < 0) {
			throw new IllegalArgumentException("weerbaar.security.browser.hsts-max-age must be at least a year (365d)");
		}
		if (cspReportsPerMinute < 1) {
			throw new IllegalArgumentException("weerbaar.security.browser.csp-reports-per-minute must be at least 1");
		}
	}
}
