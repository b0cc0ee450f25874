package dev.ftbridge.webhook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts the receiver takes webhooks for, by the path they arrive at:
 * {@code /webhooks/fivetran} is {@code default}, {@code /webhooks/fivetran/<name>} the
 * account {@code <name>}. Looked up by the servlet's path info as it is, without building
 * a string per request.
 */
final class WebhookAccounts {

	private final WebhookAccount fallback;

	/** Keyed by path info, {@code "/<name>"}. */
	private final Map<String, WebhookAccount> byPath;

	private WebhookAccounts(WebhookAccount fallback, Map<String, WebhookAccount> byPath) {
		this.fallback = fallback;
		this.byPath = byPath;
	}

	/** Every configured account, with its secrets and counters. */
	static WebhookAccounts of(WebhookProperties properties, WebhookMetrics metrics) {
		WebhookAccount fallback = new WebhookAccount(WebhookProperties.DEFAULT_ACCOUNT,
				new SignatureVerifier(properties.secrets()), metrics.forAccount(WebhookProperties.DEFAULT_ACCOUNT));
		Map<String, WebhookAccount> byPath = new LinkedHashMap<>();
		properties.accounts()
			.forEach((name, account) -> byPath.put("/" + name,
					new WebhookAccount(name, new SignatureVerifier(account.secrets()), metrics.forAccount(name))));
		return new WebhookAccounts(fallback, Collections.unmodifiableMap(byPath));
	}

	/**
	 * The account of a request.
	 * @param pathInfo the servlet path info: null for {@code /webhooks/fivetran}
	 * @return the account, or null when no account is configured at that path
	 */
	WebhookAccount at(String pathInfo) {
		return (pathInfo != null) ? this.byPath.get(pathInfo) : this.fallback;
	}

	/** {@code default} first, then the others as configured. */
	Collection<WebhookAccount> all() {
		List<WebhookAccount> all = new ArrayList<>(this.byPath.size() + 1);
		all.add(this.fallback);
		all.addAll(this.byPath.values());
		return all;
	}

}
