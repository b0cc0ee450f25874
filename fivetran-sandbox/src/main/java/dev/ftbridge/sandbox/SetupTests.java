package dev.ftbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Setup tests as the sandbox runs them, for connections and destinations alike. A config
 * field {@value #HOOK} scripts the outcome: {@code fail} always fails;
 * {@code untrusted_certificate} / {@code untrusted_fingerprint} fail until the source's
 * certificate / SSH fingerprint is trusted, either by a test run with
 * {@code trust_certificates} / {@code trust_fingerprints} (which approves it, as Fivetran
 * does) or by approving it through {@code /certificates} / {@code /fingerprints}.
 */
final class SetupTests {

	/** The config field that scripts the outcome. */
	static final String HOOK = "sandbox_setup";

	private SetupTests() {
	}

	/**
	 * Runs the tests; an auto-trusted certificate or fingerprint is added to the
	 * approvals.
	 */
	static Outcome run(ObjectNode config, Approvals approvals, Trust trust, String approvedAt) {
		String hook = config.path(HOOK).asString("");
		Outcome outcome = new Outcome(Json.array());
		outcome.add("Connecting to source", true, "");
		if ("untrusted_certificate".equals(hook)) {
			if (trust.certificates() && approvals.certificates.isEmpty()) {
				approvals.certificates.put("sandbox-certificate",
						Approvals.certificate("sandbox-certificate", "", approvedAt));
			}
			outcome.add("Validating certificate", !approvals.certificates.isEmpty(),
					"The server presented a certificate that is not trusted; approve it or test again with"
							+ " trust_certificates");
		}
		if ("untrusted_fingerprint".equals(hook)) {
			if (trust.fingerprints() && approvals.fingerprints.isEmpty()) {
				approvals.fingerprints.put("sandbox-fingerprint",
						Approvals.fingerprint("sandbox-fingerprint", "ssh-rsa AAAA sandbox", approvedAt));
			}
			outcome.add("Validating SSH fingerprint", !approvals.fingerprints.isEmpty(),
					"The SSH host fingerprint is not trusted; approve it or test again with trust_fingerprints");
		}
		outcome.add("Validating credentials", !"fail".equals(hook),
				"Setup test failed as scripted (config." + HOOK + " = fail)");
		return outcome;
	}

	/**
	 * The trust options of a test run.
	 *
	 * @param certificates {@code trust_certificates}
	 * @param fingerprints {@code trust_fingerprints}
	 */
	record Trust(boolean certificates, boolean fingerprints) {

		static final Trust NONE = new Trust(false, false);

		static Trust of(ObjectNode body) {
			return new Trust(Json.optionalBoolean(body, "trust_certificates", false),
					Json.optionalBoolean(body, "trust_fingerprints", false));
		}

	}

	/** The tests' results, in Fivetran's {@code setup_tests} shape. */
	static final class Outcome {

		final ArrayNode tests;

		boolean passed = true;

		private Outcome(ArrayNode tests) {
			this.tests = tests;
		}

		private void add(String title, boolean ok, String failure) {
			this.tests.addObject()
				.put("title", title)
				.put("status", ok ? "PASSED" : "FAILED")
				.put("message", ok ? "" : failure);
			this.passed &= ok;
		}

	}

	/**
	 * Certificates and SSH fingerprints approved for one connection or destination, by
	 * hash, as Fivetran shows them.
	 */
	static final class Approvals {

		final Map<String, ObjectNode> certificates = new LinkedHashMap<>();

		final Map<String, ObjectNode> fingerprints = new LinkedHashMap<>();

		static ObjectNode certificate(String hash, String encodedCert, String approvedAt) {
			return Json.object()
				.put("id", base64Url(hash))
				.put("name", "Sandbox certificate " + hash)
				.put("hash", hash)
				.put("type", "TLS")
				.put("sha1", hex("SHA-1", encodedCert))
				.put("sha256", hex("SHA-256", encodedCert))
				.put("public_key", "Sandbox RSA public key, 2048 bits")
				.put("validated_date", approvedAt)
				.put("validated_by", "sandbox_user");
		}

		static ObjectNode fingerprint(String hash, String publicKey, String approvedAt) {
			return Json.object()
				.put("id", base64Url(hash))
				.put("hash", hash)
				.put("public_key", publicKey)
				.put("validated_date", approvedAt)
				.put("validated_by", "sandbox_user");
		}

		private static String base64Url(String text) {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
		}

		private static String hex(String algorithm, String text) {
			try {
				return HexFormat.of()
					.formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(algorithm + " is part of every JDK", ex);
			}
		}

	}

}
