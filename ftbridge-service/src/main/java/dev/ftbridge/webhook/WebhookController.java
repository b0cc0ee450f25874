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
 * What a webhook is answered, once its body is read ({@link WebhookServlet} reads it). No
 * account at the request's path → 404 (before the body is read); missing signature, or
 * one made with none of that account's secrets → 401 and nothing stored (checked first,
 * over the raw bytes); body over the limit → 413; not a JSON object (also: a duplicate
 * key, or over a {@link StrictJson} parsing limit) → 400; Kafka not taking it in time →
 * 503 so that Fivetran retries; otherwise 202 once it is durably stored, marked with its
 * account.
 */
class WebhookController {

	private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

	static final String SIGNATURE_HEADER = "X-Fivetran-Signature-256";

	private static final Answer ACCEPTED = new Answer(202, "{\"status\":\"accepted\"}");

	private static final CompletableFuture<Answer> ACCEPTED_NOW = CompletableFuture.completedFuture(ACCEPTED);

	private static final Answer UNKNOWN_ACCOUNT = new Answer(404,
			"{\"error\":\"unknown_account\",\"message\":\"no webhook account at this path\"}");

	private final WebhookAccounts accounts;

	private final WebhookInbox inbox;

	private final WebhookMetrics unknownAccounts;

	private final WebhookReading reading;

	private final int maxBodyBytes;

	private final Clock clock;

	WebhookController(WebhookAccounts accounts, WebhookInbox inbox, WebhookMetrics metrics, int maxBodyBytes,
			Clock clock) {
		this.accounts = accounts;
		this.inbox = inbox;
		this.unknownAccounts = metrics.forAccount(WebhookMetrics.UNKNOWN_ACCOUNT);
		this.reading = new WebhookReading(maxBodyBytes);
		this.maxBodyBytes = maxBodyBytes;
		this.clock = clock;
	}

	int maxBodyBytes() {
		return this.maxBodyBytes;
	}

	/**
	 * The account a request is for.
	 * @param pathInfo the servlet path info: null for {@code /webhooks/fivetran}
	 * @return the account, or null when none is configured at that path
	 */
	WebhookAccount account(String pathInfo) {
		return this.accounts.at(pathInfo);
	}

	/** The answer to a request at a path where no account is configured. */
	Answer unknownAccount() {
		this.unknownAccounts.rejected("unknown_account");
		return UNKNOWN_ACCOUNT;
	}

	/** The answer to a body larger than the limit. */
	Answer tooLarge(WebhookAccount account) {
		return reject(account, 413, "too_large", "body over " + this.maxBodyBytes + " bytes");
	}

	/**
	 * Checks and stores one webhook.
	 * @param account the account whose secrets sign it, from {@link #account}
	 * @param body the raw body, at most the limit
	 * @param signature the signature header, or null
	 * @return the answer, once the webhook is stored or refused
	 */
	CompletableFuture<Answer> receive(WebhookAccount account, byte[] body, String signature) {
		if (body.length > this.maxBodyBytes) {
			return CompletableFuture.completedFuture(tooLarge(account));
		}
		if (!account.verifier().verify(body, signature)) {
			String why = (signature == null) ? "missing_signature" : "bad_signature";
			return CompletableFuture.completedFuture(reject(account, 401, why, "signature missing or not valid"));
		}
		WebhookReading.Read read;
		try {
			read = this.reading.read(body);
		}
		catch (JacksonException ex) {
			// a duplicate key is refused: a reader that takes the first would see another
			// event
			String message = String.valueOf(ex.getOriginalMessage()).toLowerCase(Locale.ROOT);
			return CompletableFuture.completedFuture(reject(account, 400, "not_json",
					message.contains("duplicate") ? "body is not JSON: duplicate key" : "body is not JSON"));
		}
		if (!read.isEvent()) {
			return CompletableFuture
				.completedFuture(reject(account, 400, "not_an_event", "body is not a Fivetran event"));
		}
		return this.inbox.store(read.key(), body, this.clock.instant(), account.header()).handle((stored, failure) -> {
			if (failure != null) {
				Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
				log.warn("Webhook {} of account {} not stored, answering 503 so that Fivetran retries: {}",
						read.event(), account.name(),
						cause.getCause() != null ? cause.getCause().toString() : cause.toString());
				return reject(account, 503, "inbox_unavailable", "try again later");
			}
			account.metrics().received(read.event());
			return ACCEPTED;
		});
	}

	private static Answer reject(WebhookAccount account, int status, String reason, String message) {
		account.metrics().rejected(reason);
		return new Answer(status, "{\"error\":\"" + reason + "\",\"message\":\"" + message + "\"}");
	}

	/** A status and a JSON body. */
	record Answer(int status, String json) {

		byte[] bytes() {
			return this.json.getBytes(StandardCharsets.UTF_8);
		}

	}

}
