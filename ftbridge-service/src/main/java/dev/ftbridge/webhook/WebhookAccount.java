package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;

/**
 * One Fivetran account as the receiver sees it: the secrets its webhooks are signed with,
 * its counters, and the header value that marks its stored webhooks (none for
 * {@code default}, so that records stored before accounts existed read as its own). Built
 * once at start, so a request allocates nothing for its account.
 */
final class WebhookAccount {

	private final String name;

	private final SignatureVerifier verifier;

	private final WebhookMetrics metrics;

	private final byte[] header;

	WebhookAccount(String name, SignatureVerifier verifier, WebhookMetrics metrics) {
		this.name = name;
		this.verifier = verifier;
		this.metrics = metrics;
		this.header = WebhookProperties.DEFAULT_ACCOUNT.equals(name) ? null : name.getBytes(StandardCharsets.US_ASCII);
	}

	String name() {
		return this.name;
	}

	SignatureVerifier verifier() {
		return this.verifier;
	}

	WebhookMetrics metrics() {
		return this.metrics;
	}

	/** The {@link WebhookInbox#ACCOUNT_HEADER} value, or null for {@code default}. */
	byte[] header() {
		return this.header;
	}

	@Override
	public String toString() {
		return "WebhookAccount[" + this.name + "]";
	}

}
