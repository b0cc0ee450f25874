package dev.ftbridge.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes one delivery attempt: POSTs the body as {@code application/json}, signed with
 * {@code X-Fivetran-Signature-256} (upper-case hex HMAC-SHA256 of the exact body bytes,
 * keyed with the secret's UTF-8 bytes) when there is a secret, and waits at most the
 * timeout (real time) for the status. Never throws: a failure is an {@link Answer}.
 */
final class WebhookSender {

	static final String SIGNATURE_HEADER = "X-Fivetran-Signature-256";

	private static final String HMAC = "HmacSHA256";

	private final Duration timeout;

	/**
	 * Built on first use: a JDK client holds a thread, and most sandboxes never deliver.
	 */
	private HttpClient http;

	WebhookSender(Duration timeout) {
		this.timeout = timeout;
	}

	private synchronized HttpClient http() {
		if (this.http == null) {
			this.http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(this.timeout)
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
		}
		return this.http;
	}

	Answer post(String url, byte[] body, String secret) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
				.timeout(this.timeout)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
			if (secret != null) {
				request.header(SIGNATURE_HEADER, sign(secret, body));
			}
			int status = http().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
			return new Answer(status, null);
		}
		catch (IOException | IllegalArgumentException ex) {
			return new Answer(0,
					ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(0, "Interrupted");
		}
	}

	static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
			return HexFormat.of().withUpperCase().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * What one attempt got.
	 *
	 * @param status the HTTP status answered, or 0 when there was no answer
	 * @param error why there was no answer (timeout, refused, reset), else null
	 */
	record Answer(int status, String error) {

		boolean successful() {
			return this.status >= 200 && this.status < 300;
		}

		String describe() {
			return (this.error != null) ? this.error : "HTTP " + this.status;
		}

	}

}
