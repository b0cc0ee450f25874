package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The streaming read of a webhook's event and key gives what reading the whole tree gave:
 * the same key wherever the fields sit, and the same refusals.
 */
class WebhookReadingTest {

	private final WebhookReading reading = new WebhookReading(1024 * 1024);

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					{"event":"sync_end","connector_id":"c1","destination_group_id":"g"}                          | sync_end | c1
					{"destination_group_id":"g","data":{"connector_id":"x"},"connector_id":"c1","event":"sync_end"} | sync_end | c1
					{"event":"test_event","group_id":"g2"}                                                        | test_event | g2
					{"event":"test_event","group_id":"g2","destination_group_id":"g3"}                            | test_event | g3
					{"data":{"id":"t9","status":"ok"},"event":"transformation_run_succeeded","group_id":"g"}      | transformation_run_succeeded | t9
					{"event":"transformation_run_failed","data":{"id":"t9","transformation_id":"t8"}}             | transformation_run_failed | t8
					{"event":"transformation_run_start","transformation_id":"t7","data":{"transformation_id":"t8"}} | transformation_run_start | t7
					{"event":"sync_end","data":{"id":"t9","list":[{"id":"t0"}]},"group_id":"g"}                   | sync_end | g
					{"event":"sync_end","data":{"nested":{"connector_id":"deep"}}}                                | sync_end |
					""")
	void readsTheEventAndTheKeyWhereverTheFieldsSit(String body, String event, String key) {
		WebhookReading.Read read = read(body);
		assertThat(read.event()).isEqualTo(event);
		assertThat(read.key()).isEqualTo(key);
	}

	@ParameterizedTest
	@ValueSource(strings = { "[1,2,3]", "\"sync_end\"", "", "{\"event\":1,\"connector_id\":\"c\"}", "{\"event\":null}",
			"{\"data\":{\"event\":\"sync_end\"}}", "{\"event\":\"sync_end\"} {}" })
	void aBodyThatIsNotAnEventHasNoEvent(String body) {
		assertThat(read(body).isEvent()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"event\":\"sync_end\",\"a\":[{\"k\":1,\"k\":2}]}", "{\"event\":\"sync_end\"",
			"event=sync_end", "{\"event\":\"sync_end\",\"data\":{\"x\":1,\"x\":2}}" })
	void duplicateKeysAndBrokenJsonAreRefusedAnywhere(String body) {
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> read(body));
	}

	@Test
	void nestingBeyondTheStrictLimitIsRefused() {
		String body = "{\"event\":\"sync_end\",\"data\":" + "[".repeat(100) + "]".repeat(100) + "}";
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> read(body));
	}

	private WebhookReading.Read read(String body) {
		return this.reading.read(body.getBytes(StandardCharsets.UTF_8));
	}

}
