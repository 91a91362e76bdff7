package nl.weerbaar.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be ({@code weerbaar.web.limits.*}).
 *
 * @param body any body but an upload: JSON to the API, a form on a page
 * @param upload a CSV file ({@code text/csv}, {@code text/plain}) or a multipart form
 */
@ConfigurationProperties("weerbaar.web.limits")
public record BodyLimits(DataSize body, DataSize upload) {
}
