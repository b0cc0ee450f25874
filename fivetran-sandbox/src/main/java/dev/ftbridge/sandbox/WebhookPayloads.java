package dev.ftbridge.sandbox;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies the sandbox POSTs to webhooks, field for field as Fivetran's webhook page
 * (https://fivetran.com/docs/rest-api/webhooks) lists them and in the order seen on the
 * wire. One JSON object per request, compact, no trailing newline: the signature covers
 * exactly these bytes.
 *
 * <ul>
 * <li>Connection events: {@code event, created, connector_type, connector_id,
 * connector_name, [sync_id], destination_group_id, data}; {@code sync_id} only on
 * {@code sync_start}/{@code sync_end}; {@code data} always present ({@code {}} when the
 * event has nothing to say).</li>
 * <li>Transformation events (shape UNCONFIRMED): {@code event, created,
 * transformation_id, data}, with {@code data.status} the transformation's API status
 * ({@code RUNNING}, {@code SUCCEEDED}, {@code FAILED}) and {@code data.reason} on
 * failure.</li>
 * <li>Test payloads ({@code test_event} on creation, {@code POST
 * /v1/webhooks/{id}/test}): the dummy connection, {@code group_id} instead of
 * {@code destination_group_id}, no {@code sync_id}, no {@code data}.</li>
 * </ul>
 */
final class WebhookPayloads {

	/** The event Fivetran sends when a webhook is created or activated. */
	static final String TEST_EVENT = "test_event";

	private WebhookPayloads() {
	}

	static byte[] of(SandboxEvent event) {
		ObjectNode json = Json.object().put("event", event.type()).put("created", Json.timestamp(event.created()));
		if (event.transformationId() != null) {
			json.put("transformation_id", event.transformationId());
		}
		else {
			json.put("connector_type", event.connectionType())
				.put("connector_id", event.connectionId())
				.put("connector_name", event.connectionName());
			if (event.syncId() != null) {
				json.put("sync_id", event.syncId());
			}
			json.put("destination_group_id", event.groupId());
		}
		json.set("data", event.data());
		return Json.MAPPER.writeValueAsBytes(json);
	}

	/**
	 * A test payload for the dummy connection: {@code test_event} on creation (connector
	 * {@code _connector_1}), any event for {@code /test} (connection
	 * {@code _connection_1}, as the API reference says).
	 */
	static byte[] test(String event, Instant created) {
		String connectorId = TEST_EVENT.equals(event) ? "_connector_1" : "_connection_1";
		ObjectNode json = Json.object()
			.put("event", event)
			.put("created", Json.timestamp(created))
			.put("connector_type", "_connector_type")
			.put("connector_id", connectorId)
			.put("group_id", "_destination_1");
		return Json.MAPPER.writeValueAsBytes(json);
	}

}
