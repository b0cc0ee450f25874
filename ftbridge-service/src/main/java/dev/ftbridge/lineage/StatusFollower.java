package dev.ftbridge.lineage;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import dev.ftbridge.contract.AccountName;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.TableDescribed;
import dev.ftbridge.contract.TransformationStatusObserved;
import dev.ftbridge.events.ConnectionStatusObserved;

/**
 * Turns what the bridge published into lineage and drift: a sync's start and end (from
 * {@code fivetran.connection.status.observed} webhook events), a transformation run's
 * start and end, and the schema describes, reloads and updates after which the schema
 * config is read again. Everything else is ignored.
 */
class StatusFollower {

	private static final Logger log = LoggerFactory.getLogger(StatusFollower.class);

	private final SchemaWatch schemas;

	private final RunEvents runEvents;

	private final LineageSink sink;

	/** Transformation runs started and not yet ended: the run key of each. */
	private final Map<String, String> openRuns = new ConcurrentHashMap<>();

	StatusFollower(SchemaWatch schemas, RunEvents runEvents, LineageSink sink) {
		this.schemas = schemas;
		this.runEvents = runEvents;
		this.sink = sink;
	}

	/** Handles one CloudEvent of the status or result topic. */
	void accept(JsonNode event) throws Exception {
		String type = event.path("type").asString("");
		JsonNode data = event.path("data");
		if (ConnectionStatusObserved.TYPE.equals(type)) {
			connectionStatus(data);
		}
		else if (TransformationStatusObserved.TYPE.equals(type)) {
			transformationStatus(data);
		}
		else if (TableDescribed.TYPE.equals(type) && text(data, "connection_id") != null) {
			this.schemas.refresh(text(data, "connection_id"), account(data), "describe", instant(data));
		}
		else if (CommandResult.TYPE.equals(type)) {
			commandResult(data);
		}
	}

	private void connectionStatus(JsonNode data) throws Exception {
		String event = text(data, "event");
		String connection = text(data, "connection_id");
		if (connection == null || !("sync_start".equals(event) || "sync_end".equals(event))) {
			return;
		}
		String status = text(data, "sync_status");
		Optional<ConnectionSchema> schema = "sync_start".equals(event)
				? this.schemas.known(connection, account(data), event)
				: this.schemas.refresh(connection, account(data), event, null);
		String syncId = text(data, "sync_id");
		String runKey = "sync:" + connection + ":" + ((syncId != null) ? syncId : text(data, "observed_at"));
		String group = (text(data, "group_id") != null) ? text(data, "group_id") : "unknown";
		this.sink.runEvent(connection,
				this.runEvents.event(syncEventType(event, status), instant(data), connection, runKey,
						schema.orElse(null), "fivetran://connection/" + connection, "fivetran://group/" + group, status,
						text(data, "reason")));
	}

	private static String syncEventType(String event, String status) {
		if ("sync_start".equals(event)) {
			return "START";
		}
		if ("SUCCESSFUL".equals(status)) {
			return "COMPLETE";
		}
		// A rescheduled sync is not over: Fivetran runs it again later.
		return "RESCHEDULED".equals(status) ? "OTHER" : "FAIL";
	}

	/**
	 * A transformation run from its webhooks (polled statuses would repeat them): START
	 * at its start event, COMPLETE or FAIL at its end. Fivetran's run events carry no run
	 * id, so the run is named by its start as this bridge saw it.
	 */
	private void transformationStatus(JsonNode data) throws Exception {
		String transformation = text(data, "transformation_id");
		String status = text(data, "status");
		if (transformation == null || !"webhook".equals(text(data, "source"))) {
			return;
		}
		String event = String.valueOf(text(data, "event"));
		String eventType = event.endsWith("_start") ? "START"
				: "SUCCEEDED".equals(status) ? "COMPLETE" : "FAILED".equals(status) ? "FAIL" : null;
		if (eventType == null) {
			return;
		}
		String runKey = "START".equals(eventType) ? startRun(transformation, instant(data))
				: endRun(transformation, instant(data));
		this.sink.runEvent(transformation, this.runEvents.event(eventType, instant(data), transformation, runKey, null,
				null, null, status, text(data, "reason")));
	}

	private String startRun(String transformation, Instant startedAt) {
		String runKey = "transformation:" + transformation + ":" + startedAt;
		this.openRuns.put(transformation, runKey);
		return runKey;
	}

	private String endRun(String transformation, Instant endedAt) {
		String runKey = this.openRuns.remove(transformation);
		return (runKey != null) ? runKey : "transformation:" + transformation + ":" + endedAt;
	}

	private void commandResult(JsonNode data) throws Exception {
		CommandType commandType = CommandType.of(String.valueOf(text(data, "command_type"))).orElse(null);
		if (!"SUCCEEDED".equals(text(data, "outcome")) || !(commandType == CommandType.CONNECTION_SCHEMA_RELOAD
				|| commandType == CommandType.CONNECTION_SCHEMA_UPDATE)) {
			return;
		}
		String trigger = (commandType == CommandType.CONNECTION_SCHEMA_RELOAD) ? "schema_reload" : "schema_update";
		String connection = (text(data, "connection_id") != null) ? text(data, "connection_id")
				: text(data, "resource_id");
		if (connection != null) {
			this.schemas.refresh(connection, account(data), trigger, instant(data, "finished_at"));
		}
	}

	/**
	 * The Fivetran account an event or result names: {@code default} when it names none
	 * (single-account settings, events written before accounts).
	 */
	private static String account(JsonNode data) {
		String account = text(data, "account");
		return (account != null) ? account : AccountName.DEFAULT;
	}

	private static Instant instant(JsonNode data) {
		return instant(data, "observed_at");
	}

	private static Instant instant(JsonNode data, String field) {
		String text = text(data, field);
		try {
			return (text != null) ? Instant.parse(text) : Instant.now();
		}
		catch (RuntimeException ex) {
			log.debug("Unreadable {} {}", field, text);
			return Instant.now();
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.asString() : null;
	}

}
