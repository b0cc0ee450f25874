package dev.ftbridge.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.ftbridge.contract.CloudEvents;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.contract.TransformationStatusObserved;

import static org.assertj.core.api.Assertions.assertThat;

class StructuredEventTest {

	private static final JsonMapper JSON = EventPublisher.eventJson();

	private static final Instant TIME = Instant.parse("2026-12-05T11:40:00.120Z");

	@Test
	void connectionStatusIsWrittenAsTheTreeEnvelopeWrote() {
		ConnectionStatusObserved status = new ConnectionStatusObserved("conn_1", "webhook", TIME, "g", "postgres", null,
				false, null, 60, null, "syncing", null, null, null, null, null, null)
			.withEvent("sync_end", "s-1", "SUCCESSFUL", null, null)
			.withAccount("default");
		assertSameAsTreeEnvelope(ConnectionStatusObserved.TYPE, "conn_1", status);
	}

	@Test
	void commandResultIsWrittenAsTheTreeEnvelopeWrote() {
		ObjectNode response = JSON.createObjectNode().put("code", "Success").put("nested", "ü \"quoted\"");
		CommandResult result = CommandResult.builder("cmd-1", "fivetran.connection.sync", Outcome.SUCCEEDED)
			.resourceId("conn_1")
			.response(response)
			.timing(TIME.minusSeconds(3), TIME.minusSeconds(2))
			.build(TIME);
		assertSameAsTreeEnvelope(CommandResult.TYPE, "conn_1", result);
	}

	@Test
	void transformationStatusWithoutSubjectLeavesSubjectOut() {
		TransformationStatusObserved status = new TransformationStatusObserved("tr_1", "webhook", TIME,
				"transformation_run_succeeded", "SUCCEEDED", null, null, null);
		assertSameAsTreeEnvelope(TransformationStatusObserved.TYPE, null, status);
		JsonNode written = JSON.readTree(StructuredEvent.bytes(JSON, "urn:ftbridge", "t", null, TIME, status));
		assertThat(written.has("subject")).isFalse();
	}

	@Test
	void everyEventHasItsOwnId() {
		JsonNode first = JSON.readTree(StructuredEvent.bytes(JSON, "urn:ftbridge", "t", "s", TIME, "data"));
		JsonNode second = JSON.readTree(StructuredEvent.bytes(JSON, "urn:ftbridge", "t", "s", TIME, "data"));
		assertThat(first.path("id").asString()).hasSize(36).isNotEqualTo(second.path("id").asString());
	}

	/** Byte for byte what {@code CloudEvents.envelope(…, valueToTree(data))} wrote. */
	private static void assertSameAsTreeEnvelope(String type, String subject, Object data) {
		String written = new String(StructuredEvent.bytes(JSON, "urn:ftbridge", type, subject, TIME, data),
				StandardCharsets.UTF_8);
		String id = JSON.readTree(written).path("id").asString();
		String before = new String(
				JSON.writeValueAsBytes(
						CloudEvents.envelope(id, "urn:ftbridge", type, subject, TIME, JSON.valueToTree(data))),
				StandardCharsets.UTF_8);
		assertThat(written).isEqualTo(before);
	}

}
