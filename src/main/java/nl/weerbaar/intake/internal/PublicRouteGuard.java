package nl.weerbaar.intake.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import nl.weerbaar.platform.ClientAddress;
import nl.weerbaar.platform.Throttles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps bots and guessers off the public route without a third party: a honeypot field the page hides from people, a
 * signed token in the form (always required; forged or changed ones are refused; one hours old is shown again; with
 * {@code min-fill-time} set, a form sent back sooner was not filled in by a person), and token buckets (Bucket4j) per
 * network address (IPv6 per /64) for submissions and for wrong receipt codes, each taken before the work it guards.
 * Wrong codes from all addresses together only raise an alarm. The buckets are the {@link Throttles}', in
 * PostgreSQL, shared by every node.
 */
@Component
public class PublicRouteGuard {

	/** What a form's timing token says. */
	public enum FormCheck {
		OK, TOO_FAST, EXPIRED, INVALID
	}

	private static final Logger log = LoggerFactory.getLogger(PublicRouteGuard.class);

	private final IntakeProperties.PublicForm settings;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final Throttles throttles;
	private volatile byte[] formKey;

	PublicRouteGuard(IntakeProperties properties, JdbcClient jdbc, Clock clock, Throttles throttles) {
		this.settings = properties.publicForm();
		this.jdbc = jdbc;
		this.clock = clock;
		this.throttles = throttles;
	}

	/** A token for a form shown now. */
	public String formToken() {
		String issued = Long.toString(clock.instant().getEpochSecond());
		return issued + "." + sign(issued);
	}

	/** A missing, forged, changed or old token is never accepted. */
	public FormCheck check(String token) {
		if (token == null || !token.matches("\\d{1,19}\\.[A-Za-z0-9_-]{43}")) {
			return FormCheck.INVALID;
		}
		String issued = token.substring(0, token.indexOf('.'));
		if (!MessageDigest.isEqual(sign(issued).getBytes(StandardCharsets.US_ASCII),
				token.substring(token.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII))) {
			return FormCheck.INVALID;
		}
		Duration age = Duration.between(Instant.ofEpochSecond(Long.parseLong(issued)), clock.instant());
		if (age.compareTo(settings.minFillTime()) < 0) {
			return FormCheck.TOO_FAST;
		}
		return age.compareTo(settings.maxFormAge()) > 0 ? FormCheck.EXPIRED : FormCheck.OK;
	}

	/**
	 * Takes one of the address's submissions for this hour before the form is looked at; false, and nothing taken, when
	 * none is left. A saved request or a refused bot check keeps it taken.
	 */
	public boolean trySubmit(String address) {
		return submissions(address).tryConsume(1);
	}

	/** The form only had a mistake to correct: the submission does not count. */
	public void notSubmitted(String address) {
		submissions(address).addTokens(1);
	}

	/**
	 * Takes one try at a receipt code from this address before the (slow) look-up; false, and nothing taken, when it
	 * must wait. A wrong code keeps it taken.
	 */
	public boolean tryCode(String address) {
		return wrongCodes(address).tryConsume(1);
	}

	/** The code was right: the try does not count. */
	public void rightCode(String address) {
		wrongCodes(address).addTokens(1);
	}

	/**
	 * A code was wrong. Wrong codes from all addresses together refuse nobody (one sender could then shut the route
	 * for everyone); past the alarm threshold in an hour they raise the alarm: one log line an hour, without any
	 * address or code, and an item on the coordinators' start page while it lasts.
	 */
	public void wrongCode() {
		if (!wrongCodesAll().tryConsume(1) && alarms().tryConsume(1)) {
			log.warn("More than {} wrong receipt codes in the last hour from all addresses together: someone may be "
					+ "guessing. Nobody is refused for it; each address is throttled on its own.",
					settings.wrongCodesAlarmPerHour());
		}
	}

	/** Whether wrong codes from all addresses together have passed the alarm threshold within the hour. */
	public boolean guessingAlarm() {
		return wrongCodesAll().getAvailableTokens() < 1;
	}

	private Bucket submissions(String address) {
		return throttles.bucket("intake:submissions:" + ClientAddress.throttleKey(address),
				() -> perHour(settings.submissionsPerHour()));
	}

	private Bucket wrongCodes(String address) {
		return throttles.bucket("intake:wrong-codes:" + ClientAddress.throttleKey(address),
				() -> perHour(settings.wrongCodesPerHour()));
	}

	private Bucket wrongCodesAll() {
		return throttles.bucket("intake:wrong-codes-all", () -> perHour(settings.wrongCodesAlarmPerHour()));
	}

	private Bucket alarms() {
		return throttles.bucket("intake:wrong-codes-alarm", () -> perHour(1));
	}

	private static BucketConfiguration perHour(int capacity) {
		return BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, Duration.ofHours(1)))
			.build();
	}

	private String sign(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(formKey(), "HmacSHA256"));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private byte[] formKey() {
		if (formKey == null) {
			formKey = jdbc.sql("select form_key from intake_secret where id = 1").query(byte[].class).single();
		}
		return formKey;
	}
}
