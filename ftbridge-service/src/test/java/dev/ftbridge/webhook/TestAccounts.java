package dev.ftbridge.webhook;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Webhook properties with accounts, bound as Spring Boot would, for unit tests. */
final class TestAccounts {

	private TestAccounts() {
	}

	/** The account {@code default} with its secrets and others by name. */
	static WebhookProperties properties(List<String> defaultSecrets, Map<String, List<String>> others) {
		Map<String, WebhookProperties.Account> accounts = new LinkedHashMap<>();
		others.forEach((name, secrets) -> accounts.put(name, new WebhookProperties.Account(secrets)));
		return new WebhookProperties(defaultSecrets, 1024 * 1024, Duration.ofSeconds(5), Duration.ofHours(24),
				"ftbridge-webhooks", 3, 2_000_000, Duration.ofSeconds(5), accounts);
	}

	static WebhookAccounts accounts(List<String> defaultSecrets, Map<String, List<String>> others,
			WebhookMetrics metrics) {
		return WebhookAccounts.of(properties(defaultSecrets, others), metrics);
	}

}
