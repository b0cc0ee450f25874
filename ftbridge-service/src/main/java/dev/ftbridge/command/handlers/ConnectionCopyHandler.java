package dev.ftbridge.command.handlers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * {@code fivetran.connection.copy}: the classic "one connector in many destinations"
 * script. The source connection and its schema config are read once; then, per target
 * group (one result each, a {@code part}), a connection with the same service, config and
 * schedule is created (the command supplies the credentials Fivetran masks), its schema
 * is reloaded and the source's schema config applied. Creates are costly and reconciled
 * like {@code fivetran.connection.create}: looked up by group and schema after a lost
 * answer or a crash, never sent twice blindly.
 */
@Component
class ConnectionCopyHandler extends FivetranHandler {

	/** What Fivetran shows instead of a secret config value. */
	static final String MASK = "******";

	/** The connection fields copied into the create, besides service and config. */
	private static final String[] COPIED = { "paused", "pause_after_trial", "sync_frequency", "schedule_type",
			"daily_sync_time", "data_delay_sensitivity", "data_delay_threshold" };

	/** The command fields passed on to each create as they are. */
	private static final String[] PASSED = { "paused", "run_setup_tests", "trust_certificates", "trust_fingerprints" };

	private final ConnectionCreates creates;

	ConnectionCopyHandler(HandlerContext context) {
		super(CommandType.CONNECTION_COPY, context);
		this.creates = new ConnectionCreates(context);
	}

	@Override
	public List<FivetranRequest> requests() {
		return List.of(FivetranRequests.connectionDetails(ID), FivetranRequests.schemaConfig(ID),
				FivetranRequests.createConnection(Bodies.empty()), FivetranRequests.groupConnections(ID, this.pageSize),
				FivetranRequests.reloadSchemaConfig(ID, Bodies.empty()),
				FivetranRequests.updateSchemaConfig(ID, Bodies.empty()));
	}

	@Override
	public boolean costlyToRepeat(Command command) {
		return true;
	}

	@Override
	public Execution execute(Command command) {
		return copy(command, false);
	}

	/** Every target group is asked for the copy before a create is sent. */
	@Override
	public Execution reconcile(Command command, Instant startedAt) {
		return copy(command, true);
	}

	private Execution copy(Command command, boolean lookFirst) {
		Instant started = now();
		String sourceId = command.text("connection_id");
		FivetranRequest read = FivetranRequests.connectionDetails(sourceId);
		JsonNode source;
		JsonNode schemaConfig;
		try {
			source = this.fivetran.execute(read).data();
			read = FivetranRequests.schemaConfig(sourceId);
			schemaConfig = sourceSchemaConfig(read);
		}
		catch (FivetranException ex) {
			return failed(command, started, read, ex);
		}
		List<String> groups = new ArrayList<>();
		command.data().path("group_ids").forEach((group) -> groups.add(group.asString()));
		List<CommandResult> results = new ArrayList<>();
		for (int index = 0; index < groups.size(); index++) {
			CommandResult.Builder result = copyInto(command, started, source, schemaConfig, groups.get(index),
					lookFirst);
			results.add(result.groupId(groups.get(index)).part(index, groups.size()).build(now()));
		}
		return new Execution(results, List.of());
	}

	/**
	 * The source's schema config, or null when it has none yet (never synced nor
	 * reloaded: Fivetran answers {@code NotFound_SchemaConfig}).
	 */
	private JsonNode sourceSchemaConfig(FivetranRequest read) {
		try {
			return this.fivetran.execute(read).data();
		}
		catch (FivetranException ex) {
			if (ex.notFound() && "NotFound_SchemaConfig".equals(ex.code())) {
				return null;
			}
			throw ex;
		}
	}

	private CommandResult.Builder copyInto(Command command, Instant started, JsonNode source, JsonNode schemaConfig,
			String groupId, boolean lookFirst) {
		ObjectNode body = createBody(command, source, groupId);
		ConnectionCreates.Created created;
		try {
			created = this.creates.create(body, lookFirst);
		}
		catch (FivetranException ex) {
			return Results.failed(command, started, FivetranRequests.createConnection(body), ex);
		}
		String id = created.id();
		ObjectNode response = JsonNodeFactory.instance.objectNode()
			.put("source_connection_id", source.path("id").asString(null))
			.put("service", body.path("service").asString(null))
			.put("schema", ConnectionCreates.schema(body));
		int attempts = created.attempts();
		FivetranRequest step = FivetranRequests.reloadSchemaConfig(id, reloadBody());
		try {
			FivetranResponse reloaded = this.fivetran.execute(step);
			attempts += reloaded.attempts();
			if (schemaConfig == null) {
				response.put("schema_config", "the source has no schema config yet; nothing to apply");
			}
			else {
				SchemaConfigPatch patch = SchemaConfigPatch.between(schemaConfig, reloaded.data());
				if (!patch.isEmpty()) {
					step = FivetranRequests.updateSchemaConfig(id, patch.body());
					attempts += this.fivetran.execute(step).attempts();
				}
				response.putObject("schema_config")
					.put("changes", patch.changes())
					.set("skipped", JsonNodeFactory.instance.arrayNode()
						.addAll(patch.skipped().stream().map(JsonNodeFactory.instance::stringNode).toList()));
			}
		}
		catch (FivetranException ex) {
			return Results.failed(command, started, step, ex)
				.resourceId(id)
				.connectionId(id)
				.attempts(attempts + ex.attempts())
				.retryable(false)
				.reason("the connection " + id + " exists, but its schema config was not copied: " + ex.getMessage());
		}
		return Results.start(command, Outcome.SUCCEEDED, started)
			.resourceId(id)
			.connectionId(id)
			.attempts(attempts)
			.response(response)
			.reason(created.reason());
	}

	/**
	 * The create for one target: the source's service, config (masked values left out,
	 * the command's {@code config} laid over it) and schedule, and the command's own
	 * create options.
	 */
	private static ObjectNode createBody(Command command, JsonNode source, String groupId) {
		ObjectNode body = JsonNodeFactory.instance.objectNode()
			.put("group_id", groupId)
			.put("service", source.path("service").asString(null));
		for (String field : COPIED) {
			if (source.hasNonNull(field)) {
				body.set(field, source.get(field));
			}
		}
		for (String field : PASSED) {
			if (command.data().has(field)) {
				body.set(field, command.data().get(field));
			}
		}
		ObjectNode config = unmasked(source.path("config"));
		if (command.data().get("config") instanceof ObjectNode overrides) {
			config.setAll(overrides);
		}
		if (ConnectionCreates.schema(JsonNodeFactory.instance.objectNode().set("config", config)) == null
				&& source.hasNonNull("schema")) {
			config.put("schema", source.get("schema").asString());
		}
		body.set("config", config);
		return body;
	}

	/** A copy of a config without the values Fivetran masked. */
	private static ObjectNode unmasked(JsonNode config) {
		ObjectNode copy = JsonNodeFactory.instance.objectNode();
		for (String name : config.propertyNames()) {
			JsonNode value = config.get(name);
			if (value.isObject()) {
				copy.set(name, unmasked(value));
			}
			else if (!MASK.equals(value.asString(null))) {
				copy.set(name, value.deepCopy());
			}
		}
		return copy;
	}

	private static ObjectNode reloadBody() {
		return JsonNodeFactory.instance.objectNode().put("exclude_mode", "PRESERVE");
	}

}
