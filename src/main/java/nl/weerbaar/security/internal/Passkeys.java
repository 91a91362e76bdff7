package nl.weerbaar.security.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import nl.weerbaar.security.internal.SecurityProperties.WebAuthnProperties;

/**
 * The WebAuthn ceremonies (webauthn4j verifies them): options for the browser, and checking what the authenticator
 * answered against the challenge, the relying party and the origin. Attestation is not asked for: a passkey is a
 * second factor here, whichever authenticator holds it.
 */
final class Passkeys {

	private static final long TIMEOUT_MILLIS = 120_000;
	private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
			new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
			new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
			new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));
	private static final ObjectConverter CONVERTER = new ObjectConverter();
	private static final AttestedCredentialDataConverter CREDENTIALS = new AttestedCredentialDataConverter(CONVERTER);

	private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager(CONVERTER);
	private final WebAuthnProperties relyingParty;

	Passkeys(WebAuthnProperties relyingParty) {
		this.relyingParty = relyingParty;
	}

	/** A passkey as stored. */
	record StoredPasskey(byte[] credentialId, byte[] credential, long signCount, boolean uvInitialized,
			boolean backupEligible, boolean backupState) {
	}

	/** {@code PublicKeyCredentialCreationOptions} as JSON-ready values (binary fields in base64url). */
	Map<String, Object> creationOptions(byte[] challenge, byte[] userHandle, String username, String displayName,
			List<byte[]> existingCredentialIds) {
		Map<String, Object> options = new LinkedHashMap<>();
		options.put("challenge", base64url(challenge));
		options.put("rp", Map.of("id", relyingParty.rpId(), "name", relyingParty.rpName()));
		options.put("user", Map.of("id", base64url(userHandle), "name", username, "displayName", displayName));
		options.put("pubKeyCredParams", ALGORITHMS.stream()
			.map(parameters -> Map.of("type", "public-key", "alg", parameters.getAlg().getValue()))
			.toList());
		options.put("timeout", TIMEOUT_MILLIS);
		options.put("attestation", "none");
		options.put("authenticatorSelection", Map.of("residentKey", "preferred", "userVerification", "preferred"));
		options.put("excludeCredentials", descriptors(existingCredentialIds));
		return options;
	}

	/** {@code PublicKeyCredentialRequestOptions}, allowing only the given credentials (the account's own). */
	Map<String, Object> requestOptions(byte[] challenge, List<byte[]> allowedCredentialIds) {
		Map<String, Object> options = new LinkedHashMap<>();
		options.put("challenge", base64url(challenge));
		options.put("rpId", relyingParty.rpId());
		options.put("timeout", TIMEOUT_MILLIS);
		options.put("userVerification", "preferred");
		options.put("allowCredentials", descriptors(allowedCredentialIds));
		return options;
	}

	/** Verifies a new credential; empty when the answer is malformed or does not verify. */
	java.util.Optional<StoredPasskey> register(String responseJson, byte[] challenge, Set<String> origins) {
		try {
			RegistrationData data = manager.parseRegistrationResponseJSON(responseJson);
			manager.verify(data, new RegistrationParameters(server(challenge, origins), ALGORITHMS, false, true));
			AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
			AttestedCredentialData credential = authenticator.getAttestedCredentialData();
			return java.util.Optional.of(new StoredPasskey(credential.getCredentialId(), CREDENTIALS.convert(credential),
					authenticator.getSignCount(), authenticator.isFlagUV(), authenticator.isFlagBE(),
					authenticator.isFlagBS()));
		}
		catch (DataConversionException | VerificationException | IllegalArgumentException | NullPointerException e) {
			return java.util.Optional.empty();
		}
	}

	/** The credential id an assertion names, before it is verified; empty when the answer cannot be read. */
	java.util.Optional<byte[]> credentialIdOf(String responseJson) {
		try {
			return java.util.Optional.ofNullable(manager.parseAuthenticationResponseJSON(responseJson).getCredentialId());
		}
		catch (DataConversionException | IllegalArgumentException | NullPointerException e) {
			return java.util.Optional.empty();
		}
	}

	/** Verifies an assertion made with {@code stored}; the new signature counter, or -1 when it does not verify. */
	long authenticate(String responseJson, byte[] challenge, Set<String> origins, StoredPasskey stored) {
		try {
			AuthenticationData data = manager.parseAuthenticationResponseJSON(responseJson);
			CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(),
					stored.uvInitialized(), stored.backupEligible(), stored.backupState(), stored.signCount(),
					CREDENTIALS.convert(stored.credential()), null, null, null, null);
			manager.verify(data, new AuthenticationParameters(server(challenge, origins), record,
					List.of(stored.credentialId()), false, true));
			return data.getAuthenticatorData().getSignCount();
		}
		catch (DataConversionException | VerificationException | IllegalArgumentException | NullPointerException e) {
			return -1;
		}
	}

	private ServerProperty server(byte[] challenge, Set<String> origins) {
		return ServerProperty.builder()
			.origins(origins.stream().map(Origin::new).collect(Collectors.toSet()))
			.rpId(relyingParty.rpId())
			.challenge(new DefaultChallenge(challenge))
			.build();
	}

	private static List<Map<String, Object>> descriptors(List<byte[]> credentialIds) {
		List<Map<String, Object>> descriptors = new ArrayList<>();
		for (byte[] id : credentialIds) {
			descriptors.add(Map.of("type", "public-key", "id", base64url(id)));
		}
		return descriptors;
	}

	static String base64url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
