import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Password sign-ins against a running Weerbaar, by several clients at once, as a browser does them: the login page
 * (for its CSRF token), then the form post. Counts the sign-ins that succeeded (a redirect to the start page).
 * Usage: java bench/SignIns.java BASE_URL USERNAME PASSWORD CLIENTS SECONDS
 */
public class SignIns {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String username = args[1];
		String password = args[2];
		int clients = Integer.parseInt(args[3]);
		long seconds = Long.parseLong(args[4]);
		AtomicLong succeeded = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		List<Long> millis = java.util.Collections.synchronizedList(new ArrayList<>());
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Thread thread = Thread.ofPlatform().start(() -> {
				while (System.nanoTime() < end) {
					long start = System.nanoTime();
					try {
						HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
						String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
								HttpResponse.BodyHandlers.ofString()).body();
						var token = CSRF.matcher(page);
						token.find();
						String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
						var answer = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
							.header("Content-Type", "application/x-www-form-urlencoded")
							.POST(HttpRequest.BodyPublishers.ofString(form))
							.build(), HttpResponse.BodyHandlers.discarding());
						String location = answer.headers().firstValue("Location").orElse("");
						if (answer.statusCode() == 302 && (location.endsWith("/") || location.endsWith("/login/factor"))) {
							succeeded.incrementAndGet();
							millis.add((System.nanoTime() - start) / 1_000_000);
						}
						else {
							failed.incrementAndGet();
						}
					}
					catch (Exception e) {
						failed.incrementAndGet();
					}
				}
			});
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		List<Long> sorted = new ArrayList<>(millis);
		sorted.sort(null);
		long p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
		long p95 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.95));
		System.out.printf("%d clients, %d s: %d sign-ins (%d failed), %.1f per second, p50 %d ms, p95 %d ms%n", clients,
				seconds, succeeded.get(), failed.get(), succeeded.get() / (double) seconds, p50, p95);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
