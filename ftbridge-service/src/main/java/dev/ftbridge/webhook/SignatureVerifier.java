package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Fivetran-Signature-256}: the HMAC-SHA256 of the exact raw body, keyed
 * with the webhook secret, as hex (Fivetran sends upper case; either case is accepted).
 * Any configured secret may match, so secrets can be rotated without downtime. The
 * comparison takes the same time wherever the first difference is.
 */
class SignatureVerifier {

	private static final String ALGORITHM = "HmacSHA256";

	private final List<byte[]> secrets;

	SignatureVerifier(List<String> secrets) {
		this.secrets = secrets.stream().map((secret) -> secret.getBytes(StandardCharsets.UTF_8)).toList();
	}

	boolean verify(byte[] body, String signatureHeader) {
		if (signatureHeader == null) {
			return false;
		}
		byte[] presented = signatureHeader.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
		boolean matched = false;
		for (byte[] secret : this.secrets) {
			// No early exit: every secret is tried, whichever matches.
			matched |= MessageDigest.isEqual(presented, sign(secret, body));
		}
		return matched;
	}

	/** The upper-case hex signature of a body, as Fivetran computes it. */
	static byte[] sign(byte[] secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret, ALGORITHM));
			String hex = HexFormat.of().withUpperCase().formatHex(mac.doFinal(body));
			return hex.getBytes(StandardCharsets.US_ASCII);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
