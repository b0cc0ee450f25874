package dev.ftbridge.webhook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Webhooks received by event type, rejected by reason, and dropped as repeats. Counters
 * are looked up once per tag value, not built per webhook: this runs on the request path.
 */
class WebhookMetrics {

	private static final Pattern PLAIN_EVENT = Pattern.compile("[a-z_]{1,40}");

	private final MeterRegistry registry;

	private final Map<String, Counter> received = new ConcurrentHashMap<>();

	private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

	private final Map<String, Counter> deduplicated = new ConcurrentHashMap<>();

	WebhookMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Counts a stored webhook dropped as a repeat: {@code duplicate} or {@code stale}.
	 */
	void deduplicated(String reason) {
		counter(this.deduplicated, reason,
				(tag) -> Counter.builder("ftbridge.webhooks.deduplicated")
					.description("Stored webhooks dropped as repeats of one already processed, by reason")
					.tag("reason", tag)
					.register(this.registry))
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
		counter(this.received, knownOrOther(event),
				(tag) -> Counter.builder("ftbridge.webhooks.received")
					.description("Verified webhooks stored in the inbox, by event type")
					.tag("event", tag)
					.register(this.registry))
			.increment();
	}

	void rejected(String reason) {
		counter(this.rejected, reason,
				(tag) -> Counter.builder("ftbridge.webhooks.rejected")
					.description("Webhooks refused, by reason")
					.tag("reason", tag)
					.register(this.registry))
			.increment();
	}

	private static Counter counter(Map<String, Counter> counters, String tag, Function<String, Counter> create) {
		Counter counter = counters.get(tag);
		return (counter != null) ? counter : counters.computeIfAbsent(tag, create);
	}

	/** Event names come from outside: only plain, short ones become tag values. */
	private static String knownOrOther(String event) {
		return PLAIN_EVENT.matcher(event).matches() ? event : "other";
	}

}
