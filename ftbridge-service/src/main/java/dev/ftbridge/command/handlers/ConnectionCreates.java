package dev.ftbridge.command.handlers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * Creates a connection at most once. A connection is named uniquely by its group and
 * destination schema, so after a lost answer (or a crash) the group is asked for a
 * connection with that schema before anything is sent again.
 */
class ConnectionCreates {

	private final FivetranPort fivetran;

	private final int pageSize;

	ConnectionCreates(HandlerContext context) {
		this.fivetran = context.fivetran();
		this.pageSize = context.pageSize();
	}

	/**
	 * The connection the create body names: found in its group when {@code lookFirst},
	 * else created; after a lost answer, found or created again.
	 * @throws FivetranException when Fivetran refused the create, or when its answer was
	 * lost and Fivetran could not be asked (the lost answer's exception)
	 */
	Created create(ObjectNode body, boolean lookFirst) {
		String groupId = body.path("group_id").asString(null);
		String schema = schema(body);
		if (lookFirst) {
			JsonNode existing = existing(groupId, schema);
			if (existing != null) {
				return new Created(existing, 1,
						"reconciled after a restart: the connection exists, so the create ran once");
			}
		}
		FivetranRequest request = FivetranRequests.createConnection(body);
		try {
			FivetranResponse response = this.fivetran.execute(request);
			return new Created(response.data(), response.attempts(), null);
		}
		catch (FivetranException lost) {
			if (!lost.ambiguous()) {
				throw lost;
			}
			return afterLostAnswer(request, groupId, schema, lost);
		}
	}

	private Created afterLostAnswer(FivetranRequest request, String groupId, String schema, FivetranException lost) {
		JsonNode existing;
		try {
			existing = existing(groupId, schema);
		}
		catch (FivetranException ex) {
			throw lost;
		}
		if (existing != null) {
			return new Created(existing, lost.attempts(), "the create's answer was lost (" + lost.getMessage()
					+ "); Fivetran shows the connection, so it was created once");
		}
		FivetranResponse response = this.fivetran.execute(request);
		return new Created(response.data(), lost.attempts() + response.attempts(),
				"the first create's answer was lost (" + lost.getMessage()
						+ "); Fivetran showed no such connection, so it was sent again");
	}

	/** The connection with that schema in the group, or {@code null}. */
	JsonNode existing(String groupId, String schema) {
		FivetranRequest lookup = FivetranRequests.groupConnections(groupId, this.pageSize).withQuery("schema", schema);
		for (JsonNode connection : this.fivetran.listAll(lookup).items()) {
			if (schema != null && schema.equals(connection.path("schema").asString(null))) {
				return connection;
			}
		}
		return null;
	}

	/**
	 * The destination schema a create body names: {@code config.schema}, else
	 * {@code config.schema_prefix}.
	 */
	static String schema(JsonNode body) {
		JsonNode config = body.path("config");
		return config.path("schema").asString(config.path("schema_prefix").asString(null));
	}

	/**
	 * A connection that exists now.
	 *
	 * @param data Fivetran's data about it (may hold its config: never copied into a
	 * result as is)
	 * @param attempts Fivetran calls it took
	 * @param reason how it was found rather than simply created, or null
	 */
	record Created(JsonNode data, int attempts, String reason) {

		String id() {
			return this.data.path("id").asString(null);
		}

	}

}
