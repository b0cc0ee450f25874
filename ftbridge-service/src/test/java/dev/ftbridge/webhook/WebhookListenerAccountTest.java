package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account of a stored webhook, from its header: none is {@code default} (every record
 * stored before accounts), anything but an account name is no account at all.
 */
class WebhookListenerAccountTest {

	@Test
	void aRecordWithoutAccountHeaderIsTheDefaultAccount() {
		assertThat(WebhookListener.account(record())).isEqualTo("default");
	}

	@Test
	void aRecordWithAnAccountHeaderIsThatAccount() {
		assertThat(WebhookListener.account(record("eu-trial"))).isEqualTo("eu-trial");
	}

	@Test
	void aHeaderThatIsNotAnAccountNameIsNoAccount() {
		assertThat(WebhookListener.account(record("EU Trial"))).isNull();
		assertThat(WebhookListener.account(record(""))).isNull();
		assertThat(WebhookListener.account(record("x".repeat(33)))).isNull();
	}

	private static ConsumerRecord<byte[], byte[]> record(String... account) {
		ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("fivetran.webhooks", 0, 0L,
				"c1".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
		for (String value : account) {
			record.headers().add(WebhookInbox.ACCOUNT_HEADER, value.getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}

}
