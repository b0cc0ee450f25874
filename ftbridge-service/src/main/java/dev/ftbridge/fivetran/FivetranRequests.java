package dev.ftbridge.fivetran;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;

/**
 * Every request the bridge sends to Fivetran, with the path, method, {@code Accept}
 * version and budgets of Fivetran's OpenAPI definition. A test checks each one against
 * that definition.
 */
public final class FivetranRequests {

	private static final Set<EndpointClass> REQUEST = EnumSet.of(EndpointClass.REQUEST);

	private static final Set<EndpointClass> SOURCE = EnumSet.of(EndpointClass.REQUEST,
			EndpointClass.SOURCE_INTERACTION);

	private static final Set<EndpointClass> USER_CREATION = EnumSet.of(EndpointClass.REQUEST,
			EndpointClass.USER_CREATION);

	private static final Set<EndpointClass> SETUP_TEST = EnumSet.of(EndpointClass.REQUEST,
			EndpointClass.SOURCE_INTERACTION, EndpointClass.SETUP_TEST);

	private FivetranRequests() {
	}

	/**
	 * {@code POST /v1/connections}: not idempotent (a second call makes a second
	 * connection).
	 */
	public static FivetranRequest createConnection(ObjectNode body) {
		return request(HttpMethod.POST, "/v1/connections", List.of(), body, Accept.V2, setupTestBudgets(body),
				Repeat.NOT_IDEMPOTENT);
	}

	/** {@code PATCH /v1/connections/{id}}. */
	public static FivetranRequest updateConnection(String connectionId, ObjectNode body) {
		return request(HttpMethod.PATCH, "/v1/connections/{connectionId}", List.of(connectionId), body, Accept.V2,
				setupTestBudgets(body), Repeat.IDEMPOTENT);
	}

	/** Pause or resume, never running setup tests. */
	public static FivetranRequest setPaused(String connectionId, boolean paused) {
		ObjectNode body = object().put("paused", paused).put("run_setup_tests", false);
		return updateConnection(connectionId, body);
	}

	/** {@code DELETE /v1/connections/{id}}. */
	public static FivetranRequest deleteConnection(String connectionId) {
		return request(HttpMethod.DELETE, "/v1/connections/{connectionId}", List.of(connectionId), null, Accept.V2,
				REQUEST, Repeat.IDEMPOTENT);
	}

	/** {@code GET /v1/connections/{id}}. */
	public static FivetranRequest connectionDetails(String connectionId) {
		return request(HttpMethod.GET, "/v1/connections/{connectionId}", List.of(connectionId), null, Accept.V2,
				REQUEST, Repeat.IDEMPOTENT);
	}

	/**
	 * {@code POST /v1/connections/{id}/sync}. Without {@code force} it starts a sync only
	 * when none runs, so it is safe to repeat; with {@code force} it restarts a running
	 * one.
	 */
	public static FivetranRequest syncConnection(String connectionId, boolean force) {
		return request(HttpMethod.POST, "/v1/connections/{connectionId}/sync", List.of(connectionId),
				object().put("force", force), Accept.V2, REQUEST, force ? Repeat.NOT_IDEMPOTENT : Repeat.IDEMPOTENT);
	}

	/** {@code POST /v1/connections/{id}/resync}, for everything or for a scope. */
	public static FivetranRequest resyncConnection(String connectionId, JsonNode scope) {
		ObjectNode body = object();
		if (scope != null && !scope.isNull()) {
			body.set("scope", scope);
		}
		return request(HttpMethod.POST, "/v1/connections/{connectionId}/resync", List.of(connectionId), body, Accept.V2,
				REQUEST, Repeat.NOT_IDEMPOTENT);
	}

	/**
	 * {@code POST /v1/connections/{id}/schemas/tables/resync} with a schema → tables map.
	 */
	public static FivetranRequest resyncTables(String connectionId, JsonNode scope) {
		return request(HttpMethod.POST, "/v1/connections/{connectionId}/schemas/tables/resync", List.of(connectionId),
				scope, Accept.V1, REQUEST, Repeat.NOT_IDEMPOTENT);
	}

	/** {@code PATCH /v1/connections/{id}/schemas}. */
	public static FivetranRequest updateSchemaConfig(String connectionId, ObjectNode body) {
		return request(HttpMethod.PATCH, "/v1/connections/{connectionId}/schemas", List.of(connectionId), body,
				Accept.V1, REQUEST, Repeat.IDEMPOTENT);
	}

	/** {@code PATCH /v1/connections/{id}/schemas/{schema}}. */
	public static FivetranRequest updateSchema(String connectionId, String schema, ObjectNode body) {
		return request(HttpMethod.PATCH, "/v1/connections/{connectionId}/schemas/{schemaName}",
				List.of(connectionId, schema), body, Accept.V1, REQUEST, Repeat.IDEMPOTENT);
	}

	/** {@code PATCH /v1/connections/{id}/schemas/{schema}/tables/{table}}. */
	public static FivetranRequest updateTable(String connectionId, String schema, String table, ObjectNode body) {
		return request(HttpMethod.PATCH, "/v1/connections/{connectionId}/schemas/{schemaName}/tables/{tableName}",
				List.of(connectionId, schema, table), body, Accept.V1, REQUEST, Repeat.IDEMPOTENT);
	}

	/**
	 * {@code PATCH
	 * /v1/connections/{id}/schemas/{schema}/tables/{table}/columns/{column}}.
	 */
	public static FivetranRequest updateColumn(String connectionId, String schema, String table, String column,
			ObjectNode body) {
		return request(HttpMethod.PATCH,
				"/v1/connections/{connectionId}/schemas/{schemaName}/tables/{tableName}/columns/{columnName}",
				List.of(connectionId, schema, table, column), body, Accept.V1, REQUEST, Repeat.IDEMPOTENT);
	}

	/** {@code POST /v1/connections/{id}/schemas/reload}: counts as source interaction. */
	public static FivetranRequest reloadSchemaConfig(String connectionId, ObjectNode body) {
		return request(HttpMethod.POST, "/v1/connections/{connectionId}/schemas/reload", List.of(connectionId), body,
				Accept.V1, SOURCE, Repeat.IDEMPOTENT);
	}

	/** {@code POST /v1/connections/{id}/test}: a setup test. */
	public static FivetranRequest runSetupTests(String connectionId, ObjectNode body) {
		return request(HttpMethod.POST, "/v1/connections/{connectionId}/test", List.of(connectionId), body, Accept.V2,
				SETUP_TEST, Repeat.IDEMPOTENT);
	}

	/**
	 * {@code GET /v1/groups/{id}/connections}, the first page; follow it with the client.
	 */
	public static FivetranRequest groupConnections(String groupId, int pageSize) {
		return request(HttpMethod.GET, "/v1/groups/{groupId}/connections", List.of(groupId), null, Accept.V1, REQUEST,
				Repeat.IDEMPOTENT)
			.withQuery("limit", Integer.toString(pageSize));
	}

	/**
	 * {@code GET /v1/groups}, one short page: the cheapest authenticated call, used as a
	 * probe.
	 */
	public static FivetranRequest listGroups(int limit) {
		return request(HttpMethod.GET, "/v1/groups", List.of(), null, Accept.V1, REQUEST, Repeat.IDEMPOTENT)
			.withQuery("limit", Integer.toString(limit));
	}

	/** {@code GET /v1/transformations/{id}}: status, last start and end of its runs. */
	public static FivetranRequest transformationDetails(String transformationId) {
		return request(HttpMethod.GET, "/v1/transformations/{transformationId}", List.of(transformationId), null,
				Accept.V1, REQUEST, Repeat.IDEMPOTENT);
	}

	/**
	 * {@code POST /v1/transformations/{id}/run}: not idempotent (each call starts a run).
	 */
	public static FivetranRequest runTransformation(String transformationId, ObjectNode body) {
		return request(HttpMethod.POST, "/v1/transformations/{transformationId}/run", List.of(transformationId), body,
				Accept.V1, REQUEST, Repeat.NOT_IDEMPOTENT);
	}

	/**
	 * {@code POST /v1/transformations/{id}/cancel}: stops the running execution; a second
	 * cancel changes nothing more.
	 */
	public static FivetranRequest cancelTransformation(String transformationId) {
		return request(HttpMethod.POST, "/v1/transformations/{transformationId}/cancel", List.of(transformationId),
				null, Accept.V1, REQUEST, Repeat.IDEMPOTENT);
	}

	/**
	 * {@code POST /v1/connections/{id}/connect-card} with {@code connect_card_config}
	 * ({@code redirect_uri} and the card options). Each call issues a new short-lived
	 * token; its answer is a secret-bearing link.
	 */
	public static FivetranRequest connectCard(String connectionId, ObjectNode config) {
		ObjectNode body = object();
		body.set("connect_card_config", config);
		return request(HttpMethod.POST, "/v1/connections/{connectionId}/connect-card", List.of(connectionId), body,
				Accept.V2, REQUEST, Repeat.IDEMPOTENT);
	}

	/** {@code GET /v1/connections/{id}/schemas}: the schema config. */
	public static FivetranRequest schemaConfig(String connectionId) {
		return request(HttpMethod.GET, "/v1/connections/{connectionId}/schemas", List.of(connectionId), null, Accept.V1,
				REQUEST, Repeat.IDEMPOTENT);
	}

	/**
	 * {@code GET /v1/connections/{id}/schemas/{schema}/tables/{table}/columns}: read from
	 * the source, so it counts as source interaction.
	 */
	public static FivetranRequest tableColumns(String connectionId, String schema, String table) {
		return request(HttpMethod.GET, "/v1/connections/{connectionId}/schemas/{schema}/tables/{table}/columns",
				List.of(connectionId, schema, table), null, Accept.V1, SOURCE, Repeat.IDEMPOTENT);
	}

	/**
	 * {@code POST /v1/groups}: not idempotent (names are unique, but a retry is a 409).
	 */
	public static FivetranRequest createGroup(ObjectNode body) {
		return request(HttpMethod.POST, "/v1/groups", List.of(), body, Accept.V1, REQUEST, Repeat.NOT_IDEMPOTENT);
	}

	/**
	 * {@code POST /v1/destinations}: runs setup tests unless told not to; not idempotent.
	 */
	public static FivetranRequest createDestination(ObjectNode body) {
		return request(HttpMethod.POST, "/v1/destinations", List.of(), body, Accept.V2, setupTestBudgets(body),
				Repeat.NOT_IDEMPOTENT);
	}

	/** {@code GET /v1/destinations/{id}} (a destination's id is its group's). */
	public static FivetranRequest destinationDetails(String destinationId) {
		return request(HttpMethod.GET, "/v1/destinations/{destinationId}", List.of(destinationId), null, Accept.V2,
				REQUEST, Repeat.IDEMPOTENT);
	}

	/** {@code POST /v1/users}: an invitation; counts against the user-creation limit. */
	public static FivetranRequest createUser(ObjectNode body) {
		return request(HttpMethod.POST, "/v1/users", List.of(), body, Accept.V1, USER_CREATION, Repeat.NOT_IDEMPOTENT);
	}

	/** {@code GET /v1/users}, the first page; follow it with the client. */
	public static FivetranRequest listUsers(int pageSize) {
		return request(HttpMethod.GET, "/v1/users", List.of(), null, Accept.V1, REQUEST, Repeat.IDEMPOTENT)
			.withQuery("limit", Integer.toString(pageSize));
	}

	/** {@code POST /v1/teams}: not idempotent. */
	public static FivetranRequest createTeam(ObjectNode body) {
		return request(HttpMethod.POST, "/v1/teams", List.of(), body, Accept.V1, REQUEST, Repeat.NOT_IDEMPOTENT);
	}

	/** {@code GET /v1/teams}, the first page; follow it with the client. */
	public static FivetranRequest listTeams(int pageSize) {
		return request(HttpMethod.GET, "/v1/teams", List.of(), null, Accept.V1, REQUEST, Repeat.IDEMPOTENT)
			.withQuery("limit", Integer.toString(pageSize));
	}

	/** {@code POST /v1/webhooks/account}: not idempotent (a second webhook). */
	public static FivetranRequest createAccountWebhook(ObjectNode body) {
		return request(HttpMethod.POST, "/v1/webhooks/account", List.of(), body, Accept.V1, REQUEST,
				Repeat.NOT_IDEMPOTENT);
	}

	/** {@code POST /v1/webhooks/group/{id}}: not idempotent (a second webhook). */
	public static FivetranRequest createGroupWebhook(String groupId, ObjectNode body) {
		return request(HttpMethod.POST, "/v1/webhooks/group/{groupId}", List.of(groupId), body, Accept.V1, REQUEST,
				Repeat.NOT_IDEMPOTENT);
	}

	/**
	 * {@code POST /v1/connections/{id}/certificates}: approving a certificate again
	 * changes nothing.
	 */
	public static FivetranRequest approveConnectionCertificate(String connectionId, ObjectNode body) {
		return request(HttpMethod.POST, "/v1/connections/{connectionId}/certificates", List.of(connectionId), body,
				Accept.V1, REQUEST, Repeat.IDEMPOTENT);
	}

	/** {@code POST /v1/connections/{id}/fingerprints}. */
	public static FivetranRequest approveConnectionFingerprint(String connectionId, ObjectNode body) {
		return request(HttpMethod.POST, "/v1/connections/{connectionId}/fingerprints", List.of(connectionId), body,
				Accept.V1, REQUEST, Repeat.IDEMPOTENT);
	}

	/** {@code POST /v1/destinations/{id}/certificates}. */
	public static FivetranRequest approveDestinationCertificate(String destinationId, ObjectNode body) {
		return request(HttpMethod.POST, "/v1/destinations/{destinationId}/certificates", List.of(destinationId), body,
				Accept.V1, REQUEST, Repeat.IDEMPOTENT);
	}

	/** {@code POST /v1/destinations/{id}/fingerprints}. */
	public static FivetranRequest approveDestinationFingerprint(String destinationId, ObjectNode body) {
		return request(HttpMethod.POST, "/v1/destinations/{destinationId}/fingerprints", List.of(destinationId), body,
				Accept.V1, REQUEST, Repeat.IDEMPOTENT);
	}

	private static Set<EndpointClass> setupTestBudgets(JsonNode body) {
		// Fivetran runs setup tests on create and update unless told not to.
		JsonNode runSetupTests = body.get("run_setup_tests");
		boolean runs = runSetupTests == null || runSetupTests.asBoolean(true);
		return runs ? SETUP_TEST : REQUEST;
	}

	private static ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

	private static FivetranRequest request(HttpMethod method, String path, List<String> variables, JsonNode body,
			Accept accept, Set<EndpointClass> budgets, Repeat repeat) {
		return new FivetranRequest(method, path, variables, Map.of(), body, accept == Accept.V2, budgets,
				repeat == Repeat.IDEMPOTENT);
	}

	/**
	 * The {@code Accept} header: {@code V2} sends {@code application/json;version=2},
	 * which the OpenAPI definition names for the connection and destination endpoints.
	 */
	private enum Accept {

		V1, V2

	}

	/** Whether sending the request twice has the same effect as sending it once. */
	private enum Repeat {

		IDEMPOTENT, NOT_IDEMPOTENT

	}

}
