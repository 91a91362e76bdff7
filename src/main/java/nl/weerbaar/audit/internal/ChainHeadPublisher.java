package nl.weerbaar.audit.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

import nl.weerbaar.audit.AuditTrail;
import nl.weerbaar.audit.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes the chain head (newest seq and hash) out of the database at intervals: to the log, to the shipped audit
 * stream ({@link AuditShipper}) and, when configured, as a line appended to a file, so that it can be anchored elsewhere (a log store, a notary, a printed page). A head
 * once written out cannot later be made to disagree with the chain without the verifier noticing.
 */
@Component
class ChainHeadPublisher {

	private static final Logger log = LoggerFactory.getLogger(ChainHeadPublisher.class);

	private final AuditTrail trail;
	private final Path headFile;
	private final AuditShipper shipper;
	private final Clock clock;

	ChainHeadPublisher(AuditTrail trail, AuditShipper shipper, @Value("${weerbaar.audit.head-file:}") String headFile,
			Clock clock) {
		this.trail = trail;
		this.shipper = shipper;
		this.headFile = headFile.isBlank() ? null : Path.of(headFile);
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${weerbaar.audit.head-interval:PT10M}", fixedDelayString = "${weerbaar.audit.head-interval:PT10M}")
	void publish() {
		Verification head = trail.head();
		log.info("Audit chain head: seq={} sha256={}", head.headSeq(), head.headHash());
		shipper.head(head.headSeq(), head.headHash(), clock.instant());
		if (headFile != null) {
			try {
				Files.writeString(headFile, clock.instant() + " seq=" + head.headSeq() + " sha256=" + head.headHash() + "\n",
						StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			}
			catch (IOException e) {
				log.error("Could not append the audit chain head to {}", headFile, e);
			}
		}
	}
}
