package nl.weerbaar.security.bench;

import java.util.concurrent.TimeUnit;

import nl.weerbaar.security.internal.PasswordPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password checks per second on one thread (one core): what a password sign-in costs in hashing, with Weerbaar's
 * Argon2id parameters ({@code weerbaar}: 19 MiB, t=2, p=1) and, for comparison, OWASP's other minimum settings and
 * Keycloak's default (7 MiB, t=5, p=1, which its sizing guide gives as about 15 sign-ins per second per vCPU).
 * Run with {@code bench/jmh.sh PasswordHash}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
@Threads(1)
@Fork(1)
public class PasswordHashBenchmark {

	@Param({ "weerbaar", "owasp-46MiB-t1", "owasp-12MiB-t3", "keycloak-7MiB-t5" })
	public String parameters;

	private PasswordEncoder encoder;
	private String hash;

	@Setup
	public void hashOnce() {
		encoder = switch (parameters) {
			case "weerbaar" -> PasswordPolicy.argon2id();
			case "owasp-46MiB-t1" -> new Argon2PasswordEncoder(16, 32, 1, 46 * 1024, 1);
			case "owasp-12MiB-t3" -> new Argon2PasswordEncoder(16, 32, 1, 12 * 1024, 3);
			case "keycloak-7MiB-t5" -> new Argon2PasswordEncoder(16, 32, 1, 7 * 1024, 5);
			default -> throw new IllegalArgumentException(parameters);
		};
		hash = encoder.encode("correct horse battery staple");
	}

	/** One sign-in's password check: the right password against the stored hash. */
	@Benchmark
	public boolean check() {
		return encoder.matches("correct horse battery staple", hash);
	}
}
