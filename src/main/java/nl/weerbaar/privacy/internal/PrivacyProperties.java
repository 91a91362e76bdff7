package nl.weerbaar.privacy.internal;

import java.nio.file.Path;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param kekFile the key-encryption key: a Tink keyset (JSON) kept outside the database and its backups; made on
 *        first start when missing. {@code WEERBAAR_KEK} (the same JSON) takes precedence over the file.
 * @param legacyKekFile where an installation from before kept it (beside the database's files); used, with a warning,
 *        when it exists and {@code kekFile} does not, so that no new key is made over data the old one opens
 * @param retention how long data is kept once its retention clock starts, per kind
 */
@ConfigurationProperties("weerbaar.privacy")
public record PrivacyProperties(Path kekFile, Path legacyKekFile, @DefaultValue Retention retention) {

	/**
	 * @param closedCase after a case is closed
	 * @param unconfirmedPublicRequest after a request through the public form that nobody confirmed
	 */
	public record Retention(@DefaultValue("P2Y") Period closedCase, @DefaultValue("P90D") Period unconfirmedPublicRequest) {
	}
}
