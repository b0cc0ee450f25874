package dev.ftbridge.sandbox;

import java.util.Base64;
import java.util.function.Function;

import tools.jackson.databind.node.ObjectNode;

/**
 * Approving a certificate or an SSH fingerprint for a connection or a destination:
 * {@code POST /v1/connections/{connectionId}/certificates} (200) and
 * {@code /fingerprints} (201), and the same under
 * {@code /v1/destinations/{destinationId}}. 404 for an unknown owner, 400 without
 * {@code hash} and {@code encoded_cert} / {@code public_key} or with a certificate that
 * is not base64. Approving the same hash again replaces it. The next setup tests trust
 * what was approved (see {@link SetupTests}).
 */
final class CertificateHandlers {

	private final SandboxState state;

	CertificateHandlers(SandboxState state) {
		this.state = state;
	}

	void register(Router router) {
		Function<ApiRequest, SetupTests.Approvals> connection = (
				request) -> this.state.requireConnection(request.variable("connectionId")).approvals;
		Function<ApiRequest, SetupTests.Approvals> destination = (
				request) -> this.state.requireDestination(request.variable("destinationId")).approvals;
		router
			.add("POST", "/v1/connections/{connectionId}/certificates", Cost.WRITE,
					(request) -> certificate(request, connection))
			.add("POST", "/v1/connections/{connectionId}/fingerprints", Cost.WRITE,
					(request) -> fingerprint(request, connection))
			.add("POST", "/v1/destinations/{destinationId}/certificates", Cost.WRITE,
					(request) -> certificate(request, destination))
			.add("POST", "/v1/destinations/{destinationId}/fingerprints", Cost.WRITE,
					(request) -> fingerprint(request, destination));
	}

	private ApiResponse certificate(ApiRequest request, Function<ApiRequest, SetupTests.Approvals> owner) {
		ObjectNode body = request.requireObject();
		String hash = Json.requiredText(body, "hash");
		String encoded = Json.requiredText(body, "encoded_cert");
		try {
			Base64.getDecoder().decode(encoded.replaceAll("\\s", ""));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalidInput("Field 'encoded_cert' must be a base64-encoded certificate");
		}
		ObjectNode json = this.state.locked(() -> {
			ObjectNode approved = SetupTests.Approvals.certificate(hash, encoded, Json.timestamp(this.state.now()));
			owner.apply(request).certificates.put(hash, approved);
			return approved.deepCopy();
		});
		return ApiResponse.ok("The certificate has been approved", json).concerning(request.variable("connectionId"));
	}

	private ApiResponse fingerprint(ApiRequest request, Function<ApiRequest, SetupTests.Approvals> owner) {
		ObjectNode body = request.requireObject();
		String hash = Json.requiredText(body, "hash");
		String publicKey = Json.requiredText(body, "public_key");
		ObjectNode json = this.state.locked(() -> {
			ObjectNode approved = SetupTests.Approvals.fingerprint(hash, publicKey, Json.timestamp(this.state.now()));
			owner.apply(request).fingerprints.put(hash, approved);
			return approved.deepCopy();
		});
		return ApiResponse.created("The fingerprint has been approved", json)
			.concerning(request.variable("connectionId"));
	}

}
