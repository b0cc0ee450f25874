package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import dev.ftbridge.contract.StrictJson;

/**
 * What a webhook is answered, once its body is read ({@link WebhookServlet} reads it).
 * Missing or wrong signature → 401 and nothing stored (checked first, over the raw
 * bytes); body over the limit → 413; not a JSON object (also: a duplicate key, or over a
 * {@link StrictJson} parsing limit) → 400; Kafka not taking it in time → 503 so that
 * Fivetran retries; otherwise 202 once it is durably stored.
 */
class WebhookController {

	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

	static final String SIGNATURE_HEADER = "X-Fivetran-Signature-256";

	private static final Answer ACCEPTED = new Answer(202, "{\"status\":\"accepted\"}");

	private static final CompletableFuture<Answer> ACCEPTED_NOW = CompletableFuture.completedFuture(ACCEPTED);

	private final SignatureVerifier verifier;

	private final WebhookInbox inbox;

	private final WebhookMetrics metrics;

	private final WebhookReading reading;

	private final int maxBodyBytes;

	private final Clock clock;

	WebhookController(SignatureVerifier verifier, WebhookInbox inbox, WebhookMetrics metrics, int maxBodyBytes,
			Clock clock) {
		this.verifier = verifier;
		this.inbox = inbox;
		this.metrics = metrics;
		this.reading = new WebhookReading(maxBodyBytes);
		this.maxBodyBytes = maxBodyBytes;
		this.clock = clock;
	}

	int maxBodyBytes() {
		return this.maxBodyBytes;
	}

	/** The answer to a body larger than the limit. */
	Answer tooLarge() {
		return reject(413, "too_large", "body over " + this.maxBodyBytes + " bytes");
	}

	/**
	 * Checks and stores one webhook.
	 * @param body the raw body, at most the limit
	 * @param signature the signature header, or null
	 * @return the answer, once the webhook is stored or refused
	 */
	CompletableFuture<Answer> receive(byte[] body, String signature) {
		if (body.length > this.maxBodyBytes) {
			return CompletableFuture.completedFuture(tooLarge());
		}
		if (!this.verifier.verify(body, signature)) {
			String why = (signature == null) ? "missing_signature" : "bad_signature";
			return CompletableFuture.completedFuture(reject(401, why, "signature missing or not valid"));
		}
		WebhookReading.Read read;
		try {
			read = this.reading.read(body);
		}
		catch (JacksonException ex) {
			// a duplicate key is refused: a reader that takes the first would see another
			// event
			String message = String.valueOf(ex.getOriginalMessage()).toLowerCase(Locale.ROOT);
			return CompletableFuture.completedFuture(reject(400, "not_json",
					message.contains("duplicate") ? "body is not JSON: duplicate key" : "body is not JSON"));
		}
		if (!read.isEvent()) {
			return CompletableFuture.completedFuture(reject(400, "not_an_event", "body is not a Fivetran event"));
		}
		return this.inbox.store(read.key(), body, this.clock.instant()).handle((stored, failure) -> {
			if (failure != null) {
				Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
				log.warn("Webhook {} not stored, answering 503 so that Fivetran retries: {}", read.event(),
						cause.getCause() != null ? cause.getCause().toString() : cause.toString());
				return reject(503, "inbox_unavailable", "try again later");
			}
			this.metrics.received(read.event());
			return ACCEPTED;
		});
	}

	private Answer reject(int status, String reason, String message) {
		this.metrics.rejected(reason);
		return new Answer(status, "{\"error\":\"" + reason + "\",\"message\":\"" + message + "\"}");
	}

	/** A status and a JSON body. */
	record Answer(int status, String json) {

		byte[] bytes() {
			return this.json.getBytes(StandardCharsets.UTF_8);
		}

	}

}
