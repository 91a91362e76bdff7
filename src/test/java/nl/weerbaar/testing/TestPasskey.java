package nl.weerbaar.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * A software passkey for tests that sign in over HTTP: an ES256 key pair and a credential id, stored for an account
 * as an authenticator would have registered it, and assertions signed as an authenticator signs them (WebAuthn
 * level 2: authenticator data, then the signature over it and the hash of the client data). Its private key can
 * also go into Chromium's virtual authenticator.
 */
public final class TestPasskey {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KeyPair keys;
	private final byte[] credentialId = new byte[32];
	private final AtomicLong counter = new AtomicLong();

	public TestPasskey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.keys = generator.generateKeyPair();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
		RANDOM.nextBytes(credentialId);
	}

	public byte[] credentialId() {
		return credentialId.clone();
	}

	/** The attested credential data the server keeps for this passkey. */
	public byte[] storedCredential() {
		return new AttestedCredentialDataConverter(new ObjectConverter()).convert(new AttestedCredentialData(AAGUID.ZERO,
				credentialId, EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256)));
	}

	/** The private key as PKCS#8 in standard base64, as Chrome's DevTools protocol takes it. */
	public String privateKeyPkcs8() {
		return Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
	}

	/** The browser's JSON answer to {@code navigator.credentials.get} for these request options. */
	public String assertion(String requestOptionsJson, String origin) {
		Map<?, ?> options = JSON.readValue(requestOptionsJson, Map.class);
		return assertion((String) options.get("challenge"), (String) options.get("rpId"), origin);
	}

	public String assertion(String challenge, String rpId, String origin) {
		try {
			byte[] clientData = JSON.writeValueAsBytes(Map.of("type", "webauthn.get", "challenge", challenge, "origin",
					origin, "crossOrigin", false));
			byte[] authenticatorData = ByteBuffer.allocate(37)
				.put(MessageDigest.getInstance("SHA-256").digest(rpId.getBytes(StandardCharsets.UTF_8)))
				.put((byte) 0x05)
				.putInt((int) counter.incrementAndGet())
				.array();
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(keys.getPrivate());
			signer.update(authenticatorData);
			signer.update(MessageDigest.getInstance("SHA-256").digest(clientData));
			Map<String, Object> response = new LinkedHashMap<>();
			response.put("clientDataJSON", base64url(clientData));
			response.put("authenticatorData", base64url(authenticatorData));
			response.put("signature", base64url(signer.sign()));
			response.put("userHandle", null);
			Map<String, Object> credential = new LinkedHashMap<>();
			credential.put("id", base64url(credentialId));
			credential.put("rawId", base64url(credentialId));
			credential.put("type", "public-key");
			credential.put("response", response);
			credential.put("clientExtensionResults", Map.of());
			return JSON.writeValueAsString(credential);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String base64url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
