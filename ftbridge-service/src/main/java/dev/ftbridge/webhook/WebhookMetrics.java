package dev.ftbridge.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Webhooks received by event type, rejected by reason, and dropped as repeats. */
class WebhookMetrics {

	private final MeterRegistry registry;

	WebhookMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Counts a stored webhook dropped as a repeat: {@code duplicate} or {@code stale}.
	 */
	void deduplicated(String reason) {
		Counter.builder("ftbridge.webhooks.deduplicated")
			.description("Stored webhooks dropped as repeats of one already processed, by reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	/**
	 * Counts webhooks forgotten before the end of the dedup window because the window
	 * reached its capacity.
	 */
	void forgottenEarly(int webhooks) {
		Counter.builder("ftbridge.webhooks.dedup.forgotten")
			.description("Webhooks forgotten before the end of the dedup window to stay within its capacity")
			.register(this.registry)
			.increment(webhooks);
	}

	void received(String event) {
		Counter.builder("ftbridge.webhooks.received")
			.description("Verified webhooks stored in the inbox, by event type")
			.tag("event", knownOrOther(event))
			.register(this.registry)
			.increment();
	}

	void rejected(String reason) {
		Counter.builder("ftbridge.webhooks.rejected")
			.description("Webhooks refused, by reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	/** Event names come from outside: only plain, short ones become tag values. */
	private static String knownOrOther(String event) {
		return (event.length() <= 40 && event.matches("[a-z_]+")) ? event : "other";
	}

}
