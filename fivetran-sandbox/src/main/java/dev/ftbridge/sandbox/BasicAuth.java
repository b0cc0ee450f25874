package dev.ftbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Checks an {@code Authorization: Basic …} header against the expected key and secret.
 */
final class BasicAuth {

	private final byte[] expected;

	BasicAuth(String apiKey, String apiSecret) {
		if (apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
			throw new IllegalStateException(
					"The sandbox needs an API key and secret (SandboxSettings.withCredentials)");
		}
		this.expected = (apiKey + ":" + apiSecret).getBytes(StandardCharsets.UTF_8);
	}

	boolean accepts(String header) {
		if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return false;
		}
		try {
			byte[] given = Base64.getDecoder().decode(header.substring(6).trim());
			return MessageDigest.isEqual(given, this.expected);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
