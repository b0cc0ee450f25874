package dev.ftbridge.webhook;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading webhook bodies, and the key that makes a repeat recognisable. */
class WebhookEventTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SYNC_END = "{\"event\":\"sync_end\",\"created\":\"2026-05-22T00:06:08.638Z\","
			+ "\"connector_type\":\"google_cloud_postgresql\",\"connector_id\":\"assimilate_seem\","
			+ "\"connector_name\":\"ftar_pg\",\"sync_id\":\"b4703f73-6315-4e22-8d7a-3bfb18b2fed2\","
			+ "\"destination_group_id\":\"inappropriate_implode\",\"data\":{\"status\":\"SUCCESSFUL\"}}";

	@Test
	void theSameWebhookDeliveredAgainHasTheSameKeyWhateverItsLayout() {
		String reordered = "{\"data\":{\"status\":\"SUCCESSFUL\"},\"sync_id\":\"b4703f73-6315-4e22-8d7a-3bfb18b2fed2\","
				+ "\"connector_id\":\"assimilate_seem\",\"created\":\"2026-05-22T00:06:08.638Z\",\"event\":\"sync_end\"}";
		assertThat(event(reordered).dedupKey("default")).isEqualTo(event(SYNC_END).dedupKey("default"));
	}

	@Test
	void eventConnectionSyncAndCreatedEachMakeADifferentKey() {
		String key = event(SYNC_END).dedupKey("default");
		assertThat(event(SYNC_END.replace("sync_end", "sync_start")).dedupKey("default")).isNotEqualTo(key);
		assertThat(event(SYNC_END.replace("assimilate_seem", "other_conn")).dedupKey("default")).isNotEqualTo(key);
		assertThat(event(SYNC_END.replace("b4703f73", "c4703f73")).dedupKey("default")).isNotEqualTo(key);
		assertThat(event(SYNC_END.replace("08.638Z", "08.639Z")).dedupKey("default")).isNotEqualTo(key);
		// The outcome is not part of the key: Fivetran sends one sync_end per sync.
		assertThat(event(SYNC_END.replace("SUCCESSFUL", "FAILED")).dedupKey("default")).isEqualTo(key);
	}

	@Test
	void fieldsAreReadWithTheirDocumentedFallbacks() {
		WebhookEvent test = event("{\"event\":\"test_event\",\"created\":\"2026-11-28T10:00:00.000Z\","
				+ "\"connector_type\":\"_connector_type\",\"connector_id\":\"_connector_1\",\"group_id\":\"_destination_1\"}");
		assertThat(test.groupId()).isEqualTo("_destination_1");
		assertThat(test.syncId()).isNull();
		assertThat(test.created()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
		assertThat(test.data().isObject()).isTrue();
		WebhookEvent end = event(SYNC_END);
		assertThat(end.groupId()).isEqualTo("inappropriate_implode");
		assertThat(end.connectionName()).isEqualTo("ftar_pg");
		assertThat(event(SYNC_END.replace("2026-05-22T00:06:08.638Z", "yesterday")).created()).isNull();
	}

	@Test
	void aTransformationEventNamesItsTransformation() {
		WebhookEvent run = event("{\"event\":\"transformation_run_succeeded\",\"created\":\"2026-11-28T10:00:00Z\","
				+ "\"transformation_id\":\"tr_1\",\"data\":{}}");
		assertThat(run.transformationId()).isEqualTo("tr_1");
		assertThat(run.dedupKey("default")).contains("tr_1");
		WebhookEvent nested = event("{\"event\":\"transformation_failed\",\"created\":\"2026-11-28T10:00:00Z\","
				+ "\"data\":{\"id\":\"tr_2\"}}");
		assertThat(nested.transformationId()).isEqualTo("tr_2");
		assertThat(event(SYNC_END).transformationId()).isNull();
	}

	@Test
	void theSameWebhookForTwoAccountsHasTwoKeysAndTheDefaultKeyIsWhatItWas() {
		WebhookEvent end = event(SYNC_END);
		assertThat(end.dedupKey("default")).isEqualTo(
				"sync_end\u001fassimilate_seem\u001fb4703f73-6315-4e22-8d7a-3bfb18b2fed2\u001f2026-05-22T00:06:08.638Z");
		assertThat(end.dedupKey("eu-trial")).isNotEqualTo(end.dedupKey("default"))
			.isNotEqualTo(end.dedupKey("us-2"))
			.isEqualTo(event(SYNC_END).dedupKey("eu-trial"));
		SeenWebhooks seen = new SeenWebhooks(Duration.ofHours(24), new SeenWebhooks.Budget(1000));
		seen.add(end.dedupKey("eu-trial"), Instant.parse("2026-05-22T00:06:09Z"));
		assertThat(seen.contains(end.dedupKey("eu-trial"))).isTrue();
		assertThat(seen.contains(end.dedupKey("default"))).isFalse();
	}

	@Test
	void aBodyThatIsNotAnEventIsNotRead() {
		assertThat(WebhookEvent.of(JSON.readTree("[1,2]"))).isNull();
		assertThat(WebhookEvent.of(JSON.readTree("{\"event\":3}"))).isNull();
	}

	@Test
	void seenKeysAreForgottenOnlyOutsideTheWindow() {
		SeenWebhooks seen = new SeenWebhooks(Duration.ofHours(24), new SeenWebhooks.Budget(1000));
		Instant start = Instant.parse("2026-11-28T10:00:00Z");
		seen.add("a", start);
		seen.add("b", start.plus(Duration.ofHours(1)));
		seen.add("c", start.plus(Duration.ofHours(24)));
		assertThat(seen.contains("a")).isTrue();
		seen.add("d", start.plus(Duration.ofHours(24)).plusMillis(1));
		assertThat(seen.contains("a")).isFalse();
		assertThat(seen.contains("b")).isTrue();
		assertThat(seen.size()).isEqualTo(3);
	}

	private static WebhookEvent event(String json) {
		return WebhookEvent.of(JSON.readTree(json));
	}

}
