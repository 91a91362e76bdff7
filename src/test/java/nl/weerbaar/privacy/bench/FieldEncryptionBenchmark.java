package nl.weerbaar.privacy.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of field encryption as {@code PersonalData} and {@code Keyring} do it: sealing and opening one field
 * (AES-256-GCM with associated data), unwrapping a person's data key (a cache miss), and a page that shows 50 sealed
 * values, with the data keys cached (one person) and not cached (50 people). Run with {@code bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FieldEncryptionBenchmark {

	private static final byte[] VALUE = "Een korte notitie van een contactmoment, zo'n zestig tekens lang."
		.getBytes(StandardCharsets.UTF_8);
	private static final byte[] WHERE = "weerbaar-field-v1\u001fcontact\u001fnote\u001f42\u001f0b6f…".getBytes(StandardCharsets.UTF_8);
	private static final byte[] SUBJECT = "weerbaar-data-key-v1\u001f0b6f".getBytes(StandardCharsets.UTF_8);

	private Aead kek;
	private Aead dataKey;
	private byte[] sealed;
	private byte[] wrappedKey;
	private byte[][] pageOfSealed;
	private byte[][] pageOfWrappedKeys;

	@Setup
	public void setUp() throws GeneralSecurityException {
		AeadConfig.register();
		kek = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM).getPrimitive(RegistryConfiguration.get(), Aead.class);
		KeysetHandle key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
		dataKey = key.getPrimitive(RegistryConfiguration.get(), Aead.class);
		sealed = dataKey.encrypt(VALUE, WHERE);
		wrappedKey = TinkProtoKeysetFormat.serializeEncryptedKeyset(key, kek, SUBJECT);
		pageOfSealed = new byte[50][];
		pageOfWrappedKeys = new byte[50][];
		for (int i = 0; i < 50; i++) {
			KeysetHandle personKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			pageOfWrappedKeys[i] = TinkProtoKeysetFormat.serializeEncryptedKeyset(personKey, kek, SUBJECT);
			pageOfSealed[i] = personKey.getPrimitive(RegistryConfiguration.get(), Aead.class).encrypt(VALUE, WHERE);
		}
	}

	@Benchmark
	public byte[] plainCopy() {
		return VALUE.clone();
	}

	@Benchmark
	public byte[] sealOneField() throws GeneralSecurityException {
		return dataKey.encrypt(VALUE, WHERE);
	}

	@Benchmark
	public byte[] openOneField() throws GeneralSecurityException {
		return dataKey.decrypt(sealed, WHERE);
	}

	@Benchmark
	public Aead unwrapDataKey() throws GeneralSecurityException {
		return TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedKey, kek, SUBJECT)
			.getPrimitive(RegistryConfiguration.get(), Aead.class);
	}

	@Benchmark
	public void openPageOf50OnePersonKeyCached(Blackhole hole) throws GeneralSecurityException {
		for (int i = 0; i < 50; i++) {
			hole.consume(dataKey.decrypt(sealed, WHERE));
		}
	}

	@Benchmark
	public void openPageOf50FiftyPeopleKeysNotCached(Blackhole hole) throws GeneralSecurityException {
		for (int i = 0; i < 50; i++) {
			Aead personKey = TinkProtoKeysetFormat.parseEncryptedKeyset(pageOfWrappedKeys[i], kek, SUBJECT)
				.getPrimitive(RegistryConfiguration.get(), Aead.class);
			hole.consume(personKey.decrypt(pageOfSealed[i], WHERE));
		}
	}
}
