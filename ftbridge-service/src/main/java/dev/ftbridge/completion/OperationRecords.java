package dev.ftbridge.completion;

import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.ftbridge.completion.PendingOperation.HeldFailure;
import dev.ftbridge.completion.PendingOperation.Reschedule;
import dev.ftbridge.completion.PendingOperation.Resource;
import dev.ftbridge.contract.ConnectionName;

/**
 * The value of a pending-operation record: one JSON object per open operation, in
 * snake_case. A completed operation's key gets a tombstone, so compaction keeps exactly
 * the open ones.
 */
final class OperationRecords {

	/** Bumped when the record changes incompatibly. */
	static final int FORMAT = 1;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OperationRecords() {
	}

	static byte[] encode(PendingOperation operation) {
		return JSON.writeValueAsBytes(json(operation));
	}

	/**
	 * An operation recorded again by a reconciliation after a crash: whoever opens it
	 * first checks that its command has no terminal result yet.
	 */
	static byte[] encodeReconciled(PendingOperation operation) {
		return JSON.writeValueAsBytes(json(operation).put("reconciled", true));
	}

	/** Whether the record was written by a reconciliation. */
	static boolean reconciled(byte[] value) {
		try {
			return JSON.readTree(value).path("reconciled").asBoolean(false);
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	private static ObjectNode json(PendingOperation operation) {
		ObjectNode json = JSON.createObjectNode()
			.put("format", FORMAT)
			.put("command_id", operation.commandId())
			.put("command_type", operation.commandType())
			.put("key", operation.key());
		if (operation.partition() != null) {
			json.put("partition", operation.partition().intValue());
		}
		json.put((operation.resource() == Resource.TRANSFORMATION) ? "transformation_id" : "connection_id",
				operation.resourceId());
		json.put("accepted_at", text(operation.acceptedAt()))
			.put("deadline", text(operation.deadline()))
			.put("received_at", text(operation.receivedAt()))
			.put("started_at", text(operation.startedAt()))
			.put("attempts", operation.attempts())
			.put("sync_id", operation.syncId());
		HeldFailure failure = operation.failure();
		if (failure != null) {
			json.putObject("failure")
				.put("sync_id", failure.syncId())
				.put("reason", failure.reason())
				.put("failed_at", text(failure.failedAt()))
				.put("until", text(failure.until()));
		}
		json.put("reschedule", operation.reschedule().name()).put("rescheduled_for", text(operation.rescheduledFor()));
		if (operation.cancelOnTimeout()) {
			json.put("cancel_on_timeout", true);
		}
		ConnectionName name = operation.connection();
		if (name != null) {
			json.putObject("connection")
				.put("group_id", name.groupId())
				.put("group_name", name.groupName())
				.put("schema", name.schema());
		}
		json.put("account", operation.account());
		return json;
	}

	/** The operation a record holds, or null when it is not one this version can read. */
	static PendingOperation decode(byte[] value) {
		try {
			JsonNode json = JSON.readTree(value);
			if (json.path("format").asInt(0) != FORMAT) {
				return null;
			}
			boolean transformation = json.hasNonNull("transformation_id");
			String resourceId = text(json, transformation ? "transformation_id" : "connection_id");
			JsonNode failure = json.path("failure");
			HeldFailure held = failure.isObject() ? new HeldFailure(text(failure, "sync_id"), text(failure, "reason"),
					instant(failure, "failed_at"), instant(failure, "until")) : null;
			PendingOperation operation = new PendingOperation(text(json, "command_id"), text(json, "command_type"),
					text(json, "key"), partition(json), transformation ? Resource.TRANSFORMATION : Resource.CONNECTION,
					resourceId, instant(json, "accepted_at"), instant(json, "deadline"), instant(json, "received_at"),
					instant(json, "started_at"), json.path("attempts").asInt(0), text(json, "sync_id"), held,
					Reschedule.valueOf(json.path("reschedule").asString("NONE")), instant(json, "rescheduled_for"),
					json.path("cancel_on_timeout").asBoolean(false), connection(json.path("connection")),
					text(json, "account"));
			boolean complete = operation.commandId() != null && operation.resourceId() != null
					&& operation.acceptedAt() != null && operation.deadline() != null;
			return complete ? operation : null;
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}

	/**
	 * The command's partition; records written before operations named it have none
	 * (their results follow the key's default partition, as they did then).
	 */
	private static Integer partition(JsonNode json) {
		JsonNode partition = json.get("partition");
		return (partition != null && partition.canConvertToInt() && partition.asInt() >= 0) ? partition.asInt() : null;
	}

	/** The connection's name, for an operation whose command addressed it by name. */
	private static ConnectionName connection(JsonNode name) {
		return name.isObject()
				? new ConnectionName(text(name, "group_id"), text(name, "group_name"), text(name, "schema")) : null;
	}

	private static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	private static String text(JsonNode json, String field) {
		JsonNode value = json.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	private static Instant instant(JsonNode json, String field) {
		String text = text(json, field);
		return (text != null) ? Instant.parse(text) : null;
	}

}
