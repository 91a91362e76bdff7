import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sign-in latency while a signed-in coordinator reads cases READERS at a time, against a running Weerbaar. First
 * sign-ins alone for SECONDS (the quiet figure), then the same with READERS clients reading cases over the API as
 * fast as they can (each read is an audited event). Prints p50/p99 of the sign-ins (failed ones with the time they
 * took) and what the reads answered.
 * Usage: java bench/ReadBurst.java BASE_URL READER PASSWORD SIGNER PASSWORD READERS SECONDS
 */
public class ReadBurst {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final Pattern CASE_ID = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"");
	private static final Duration PATIENCE = Duration.ofSeconds(90);

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int readers = Integer.parseInt(args[5]);
		long seconds = Long.parseLong(args[6]);
		HttpClient reader = signIn(base, args[1], args[2]);
		String list = reader.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		List<String> cases = new ArrayList<>();
		for (Matcher id = CASE_ID.matcher(list); id.find();) {
			cases.add(id.group(1));
		}
		if (cases.isEmpty()) {
			throw new IllegalStateException("the reader sees no cases");
		}
		System.out.printf("quiet:   %s%n", signIns(base, args[3], args[4], seconds));

		Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
		AtomicLong errors = new AtomicLong();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < readers; i++) {
			int first = i;
			threads.add(Thread.ofPlatform().start(() -> {
				for (int n = first; System.nanoTime() < end; n += readers) {
					try {
						int status = reader.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cases/" + cases.get(n % cases.size())))
							.timeout(PATIENCE)
							.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
						answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
					}
					catch (Exception e) {
						errors.incrementAndGet();
					}
				}
			}));
		}
		String during = signIns(base, args[3], args[4], seconds);
		for (Thread thread : threads) {
			thread.join();
		}
		long reads = answers.values().stream().mapToLong(AtomicLong::get).sum();
		System.out.printf("%d parallel case reads: %s%n", readers, during);
		System.out.printf("reads: %d (%.0f per second), answers %s, no answer %d%n", reads, reads / (double) seconds,
				new TreeMap<>(answers), errors.get());
	}

	/** One client signing in again and again for {@code seconds}: how long each took, and how many failed. */
	private static String signIns(String base, String username, String password, long seconds) {
		List<Long> millis = new ArrayList<>();
		long failed = 0;
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		while (System.nanoTime() < end) {
			long start = System.nanoTime();
			try {
				signIn(base, username, password);
			}
			catch (Exception e) {
				failed++;
			}
			// a failed sign-in counts with the time it took: the person waited that long too
			millis.add((System.nanoTime() - start) / 1_000_000);
		}
		millis.sort(null);
		return String.format("%d sign-ins (%d failed), p50 %d ms, p99 %d ms, max %d ms", millis.size(), failed,
				percentile(millis, 0.50), percentile(millis, 0.99), millis.getLast());
	}

	private static long percentile(List<Long> sorted, double p) {
		return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p) - 1));
	}

	/** The login page and the form post, as a browser; a client with the signed-in session, or an exception. */
	private static HttpClient signIn(String base, String username, String password) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(PATIENCE).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher token = CSRF.matcher(page.body());
		if (page.statusCode() != 200 || !token.find()) {
			throw new IllegalStateException("login page answered " + page.statusCode());
		}
		String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
		HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.timeout(PATIENCE)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		if (answer.statusCode() != 302 || !answer.headers().firstValue("Location").orElse("").endsWith("/")) {
			throw new IllegalStateException("sign-in answered " + answer.statusCode());
		}
		return client;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
