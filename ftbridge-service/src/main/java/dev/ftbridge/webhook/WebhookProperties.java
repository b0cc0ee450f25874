package dev.ftbridge.webhook;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import dev.ftbridge.contract.AccountName;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The webhook receiver and the consumer of its inbox ({@code ftbridge.webhook.*}).
 *
 * @param secrets the secrets a signature may be made with, for the account
 * {@code default} ({@code POST /webhooks/fivetran}); several at once during a rotation
 * (from {@code FTBRIDGE_WEBHOOK_SECRETS}, comma-separated); never logged
 * @param accounts the other Fivetran accounts, by name (lower-case letters, digits and
 * {@code -}, 1 to 32 characters, not {@code default}): each receives its webhooks at
 * {@code POST /webhooks/fivetran/<name>}, signed with its own secrets
 * @param maxBodyBytes larger bodies are answered 413
 * @param inboxTimeout how long to wait for Kafka to take a webhook before answering 503,
 * so that Fivetran retries
 * @param dedupWindow how long a processed webhook is remembered, so that the same (event,
 * connector_id, sync_id, created) is processed once; a webhook created longer before it
 * arrived is dropped too (Fivetran retries deliveries for 24 hours)
 * @param groupId consumer group of the inbox consumer
 * @param concurrency inbox consumers per instance (each takes whole partition pairs and
 * keeps their order; more than the partition count only idle)
 * @param dedupCapacity how many webhooks an instance remembers for the dedup window, over
 * all its partitions (about 32 bytes each, whatever the body); at the bound a partition
 * forgets its oldest before the window ends, counted in
 * {@code ftbridge.webhooks.dedup.forgotten}, and a repeat of one forgotten is processed
 * again
 * @param bodyReadTimeout how long a sender may take to send a whole body; a slower one is
 * answered 408 (the body is read without holding a request thread, so slow senders cost
 * only a connection meanwhile)
 */
@Validated
@ConfigurationProperties("ftbridge.webhook")
public record WebhookProperties(@DefaultValue List<String> secrets,
		@DefaultValue("1048576") @Min(1024) int maxBodyBytes, @DefaultValue("5s") Duration inboxTimeout,
		@DefaultValue("24h") Duration dedupWindow, @DefaultValue("ftbridge-webhooks") @NotBlank String groupId,
		@DefaultValue("3") @Min(1) int concurrency, @DefaultValue("2000000") @Min(1) long dedupCapacity,
		@DefaultValue("5s") Duration bodyReadTimeout, @DefaultValue Map<String, Account> accounts) {

	/** The account whose webhooks arrive at {@code POST /webhooks/fivetran}. */
	public static final String DEFAULT_ACCOUNT = "default";

	public WebhookProperties {
		secrets = trimmed(secrets);
		for (String name : accounts.keySet()) {
			if (!AccountName.valid(name)) {
				throw new IllegalArgumentException(
						"ftbridge.webhook.accounts: '" + name + "' is not an account name (" + AccountName.RULE + ")");
			}
			if (DEFAULT_ACCOUNT.equals(name)) {
				throw new IllegalArgumentException("ftbridge.webhook.accounts: the account 'default' takes its secrets "
						+ "from ftbridge.webhook.secrets");
			}
		}
		accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
	}

	/** Whether a name is a valid account name ({@code default} included). */
	static boolean isAccountName(String name) {
		return AccountName.valid(name);
	}

	private static List<String> trimmed(List<String> secrets) {
		return secrets.stream().map(String::trim).filter((secret) -> !secret.isEmpty()).toList();
	}

	@Override
	public String toString() {
		return "WebhookProperties[secrets=" + this.secrets.size() + " configured, maxBodyBytes=" + this.maxBodyBytes
				+ ", inboxTimeout=" + this.inboxTimeout + ", dedupWindow=" + this.dedupWindow + ", groupId="
				+ this.groupId + ", concurrency=" + this.concurrency + ", dedupCapacity=" + this.dedupCapacity
				+ ", bodyReadTimeout=" + this.bodyReadTimeout + ", accounts=" + this.accounts + "]";
	}

	/**
	 * One more Fivetran account's webhooks ({@code ftbridge.webhook.accounts.<name>.*}).
	 *
	 * @param secrets the secrets its signatures may be made with; several at once during
	 * a rotation; never logged
	 */
	public record Account(@DefaultValue List<String> secrets) {

		public Account {
			secrets = trimmed(secrets);
		}

		@Override
		public String toString() {
			return "Account[secrets=" + this.secrets.size() + " configured]";
		}

	}

}
