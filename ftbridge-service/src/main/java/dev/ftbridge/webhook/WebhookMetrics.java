package dev.ftbridge.webhook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Webhooks received by event type, rejected by reason, and dropped as repeats, each by
 * account. Counters are looked up once per account and tag value, not built per webhook:
 * this runs on the request path, which holds its account's instance
 * ({@link #forAccount}).
 */
class WebhookMetrics {

	/**
	 * The account tag of requests to a path where no account is configured (the reason
	 * {@code unknown_account} says which these are).
	 */
	static final String UNKNOWN_ACCOUNT = "unknown";

	private static final Pattern PLAIN_EVENT = Pattern.compile("[a-z_]{1,40}");

	private final MeterRegistry registry;

	private final String account;

	private final Map<String, WebhookMetrics> accounts;

	private final Map<String, Counter> received = new ConcurrentHashMap<>();

	private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

	private final Map<String, Counter> deduplicated = new ConcurrentHashMap<>();

	/** The counters of the account {@code default}; others by {@link #forAccount}. */
	WebhookMetrics(MeterRegistry registry) {
		this(registry, WebhookProperties.DEFAULT_ACCOUNT, new ConcurrentHashMap<>());
	}

	private WebhookMetrics(MeterRegistry registry, String account, Map<String, WebhookMetrics> accounts) {
		this.registry = registry;
		this.account = account;
		this.accounts = accounts;
	}

	/** The counters of an account (the same instance for the same account). */
	WebhookMetrics forAccount(String account) {
		if (account.equals(this.account)) {
			return this;
		}
		WebhookMetrics metrics = this.accounts.get(account);
		return (metrics != null) ? metrics : this.accounts.computeIfAbsent(account,
				(name) -> new WebhookMetrics(this.registry, name, this.accounts));
	}

	/**
	 * Counts a stored webhook dropped as a repeat: {@code duplicate} or {@code stale}.
	 */
	void deduplicated(String reason) {
		counter(this.deduplicated, reason,
				(tag) -> Counter.builder("ftbridge.webhooks.deduplicated")
					.description("Stored webhooks dropped as repeats of one already processed, by reason")
					.tag("reason", tag)
					.tag("account", this.account)
					.register(this.registry))
			.increment();
	}

	/**
	 * Counts webhooks forgotten before the end of the dedup window because the window
	 * reached its capacity (one capacity for all accounts: no account tag).
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
					.tag("account", this.account)
					.register(this.registry))
			.increment();
	}

	void rejected(String reason) {
		counter(this.rejected, reason,
				(tag) -> Counter.builder("ftbridge.webhooks.rejected")
					.description("Webhooks refused, by reason")
					.tag("reason", tag)
					.tag("account", this.account)
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
