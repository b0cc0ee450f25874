package dev.ftbridge.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ftbridge.contract.StrictJson;

/**
 * Where webhooks land: {@code POST /webhooks/fivetran}. Missing or wrong signature → 401
 * and nothing stored; body over the limit → 413; not a JSON object (also: a duplicate
 * key, or over a {@link StrictJson} parsing limit) → 400; Kafka not taking it in time →
 * 503 so that Fivetran retries; otherwise 202 once it is durably stored.
 */
@RestController
class WebhookController {

	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

	static final String SIGNATURE_HEADER = "X-Fivetran-Signature-256";

	private final SignatureVerifier verifier;

	private final WebhookInbox inbox;

	private final WebhookMetrics metrics;

	private final JsonMapper json;

	private final int maxBodyBytes;

	private final Clock clock;

	WebhookController(SignatureVerifier verifier, WebhookInbox inbox, WebhookMetrics metrics, int maxBodyBytes,
			Clock clock) {
		this.verifier = verifier;
		this.inbox = inbox;
		this.metrics = metrics;
		this.json = StrictJson.mapper(maxBodyBytes);
		this.maxBodyBytes = maxBodyBytes;
		this.clock = clock;
	}

	@PostMapping("/webhooks/fivetran")
	ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > this.maxBodyBytes) {
			return reject(HttpStatus.CONTENT_TOO_LARGE, "too_large", "body over " + this.maxBodyBytes + " bytes");
		}
		byte[] body = readAtMost(request.getInputStream(), this.maxBodyBytes + 1);
		if (body.length > this.maxBodyBytes) {
			return reject(HttpStatus.CONTENT_TOO_LARGE, "too_large", "body over " + this.maxBodyBytes + " bytes");
		}
		if (!this.verifier.verify(body, request.getHeader(SIGNATURE_HEADER))) {
			String why = (request.getHeader(SIGNATURE_HEADER) == null) ? "missing_signature" : "bad_signature";
			return reject(HttpStatus.UNAUTHORIZED, why, "signature missing or not valid");
		}
		JsonNode event;
		try {
			event = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			// a duplicate key is refused: a reader that takes the first would see another
			// event
			String message = String.valueOf(ex.getOriginalMessage()).toLowerCase(Locale.ROOT);
			return reject(HttpStatus.BAD_REQUEST, "not_json",
					message.contains("duplicate") ? "body is not JSON: duplicate key" : "body is not JSON");
		}
		if (!event.isObject() || !event.path("event").isString()) {
			return reject(HttpStatus.BAD_REQUEST, "not_an_event", "body is not a Fivetran event");
		}
		try {
			this.inbox.store(key(event), body, this.clock.instant());
		}
		catch (WebhookInbox.InboxUnavailableException ex) {
			log.warn("Webhook {} not stored, answering 503 so that Fivetran retries: {}", event.path("event"),
					ex.getCause().toString());
			return reject(HttpStatus.SERVICE_UNAVAILABLE, "inbox_unavailable", "try again later");
		}
		this.metrics.received(event.path("event").asString());
		return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON).body("{\"status\":\"accepted\"}");
	}

	/**
	 * Keyed by connection (or, for a transformation event, by transformation), so one
	 * resource's events stay in order and share a partition with its pending operations.
	 */
	private static String key(JsonNode event) {
		String connection = event.path("connector_id").asString(null);
		if (connection != null) {
			return connection;
		}
		String transformation = WebhookEvent.transformationId(event);
		if (transformation != null) {
			return transformation;
		}
		return event.path("destination_group_id").asString(event.path("group_id").asString(null));
	}

	private ResponseEntity<String> reject(HttpStatus status, String reason, String message) {
		this.metrics.rejected(reason);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"error\":\"" + reason + "\",\"message\":\"" + message + "\"}");
	}

	private static byte[] readAtMost(InputStream in, int limit) throws IOException {
		return in.readNBytes(limit);
	}

}
