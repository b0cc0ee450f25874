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

	// The admin lifecycle: roles, memberships, updates and deletes, destination tests.

	/** {@code GET /v1/roles}, the first page; follow it with the client. */
	public static FivetranRequest listRoles(int pageSize) {
		return request(HttpMethod.GET, "/v1/roles", List.of(), null, Accept.V1, REQUEST, Repeat.IDEMPOTENT)
			.withQuery("limit", Integer.toString(pageSize));
	}

	/** {@code POST /v1/users/{userId}/groups}: a second call is a 409. */
	public static FivetranRequest addUserToGroup(String userId, String groupId, String role) {
		return membership(HttpMethod.POST, "/v1/users/{userId}/groups", List.of(userId), groupId, role);
	}

	/** {@code PATCH /v1/users/{userId}/groups/{groupId}}: the membership's role. */
	public static FivetranRequest updateUserInGroup(String userId, String groupId, String role) {
		return membership(HttpMethod.PATCH, "/v1/users/{userId}/groups/{groupId}", List.of(userId, groupId), null,
				role);
	}

	/** {@code DELETE /v1/users/{userId}/groups/{groupId}}. */
	public static FivetranRequest removeUserFromGroup(String userId, String groupId) {
		return membership(HttpMethod.DELETE, "/v1/users/{userId}/groups/{groupId}", List.of(userId, groupId), null,
				null);
	}

	/** {@code POST /v1/users/{userId}/connections}: a second call is a 409. */
	public static FivetranRequest addUserToConnection(String userId, String connectionId, String role) {
		return membership(HttpMethod.POST, "/v1/users/{userId}/connections", List.of(userId), connectionId, role);
	}

	/** {@code PATCH /v1/users/{userId}/connections/{connectionId}}. */
	public static FivetranRequest updateUserInConnection(String userId, String connectionId, String role) {
		return membership(HttpMethod.PATCH, "/v1/users/{userId}/connections/{connectionId}",
				List.of(userId, connectionId), null, role);
	}

	/** {@code DELETE /v1/users/{userId}/connections/{connectionId}}. */
	public static FivetranRequest removeUserFromConnection(String userId, String connectionId) {
		return membership(HttpMethod.DELETE, "/v1/users/{userId}/connections/{connectionId}",
				List.of(userId, connectionId), null, null);
	}

	/** {@code DELETE /v1/users/{userId}/role}: the user keeps no account role. */
	public static FivetranRequest removeUserAccountRole(String userId) {
		return membership(HttpMethod.DELETE, "/v1/users/{userId}/role", List.of(userId), null, null);
	}

	/** {@code POST /v1/teams/{teamId}/groups}: a second call is a 409. */
	public static FivetranRequest addTeamToGroup(String teamId, String groupId, String role) {
		return membership(HttpMethod.POST, "/v1/teams/{teamId}/groups", List.of(teamId), groupId, role);
	}

	/** {@code PATCH /v1/teams/{teamId}/groups/{groupId}}. */
	public static FivetranRequest updateTeamInGroup(String teamId, String groupId, String role) {
		return membership(HttpMethod.PATCH, "/v1/teams/{teamId}/groups/{groupId}", List.of(teamId, groupId), null,
				role);
	}

	/** {@code DELETE /v1/teams/{teamId}/groups/{groupId}}. */
	public static FivetranRequest removeTeamFromGroup(String teamId, String groupId) {
		return membership(HttpMethod.DELETE, "/v1/teams/{teamId}/groups/{groupId}", List.of(teamId, groupId), null,
				null);
	}

	/** {@code POST /v1/teams/{teamId}/connections}: a second call is a 409. */
	public static FivetranRequest addTeamToConnection(String teamId, String connectionId, String role) {
		return membership(HttpMethod.POST, "/v1/teams/{teamId}/connections", List.of(teamId), connectionId, role);
	}

	/** {@code PATCH /v1/teams/{teamId}/connections/{connectionId}}. */
	public static FivetranRequest updateTeamInConnection(String teamId, String connectionId, String role) {
		return membership(HttpMethod.PATCH, "/v1/teams/{teamId}/connections/{connectionId}",
				List.of(teamId, connectionId), null, role);
	}

	/** {@code DELETE /v1/teams/{teamId}/connections/{connectionId}}. */
	public static FivetranRequest removeTeamFromConnection(String teamId, String connectionId) {
		return membership(HttpMethod.DELETE, "/v1/teams/{teamId}/connections/{connectionId}",
				List.of(teamId, connectionId), null, null);
	}

	/** {@code DELETE /v1/teams/{teamId}/role}: the team keeps no account role. */
	public static FivetranRequest removeTeamAccountRole(String teamId) {
		return membership(HttpMethod.DELETE, "/v1/teams/{teamId}/role", List.of(teamId), null, null);
	}

	/** {@code GET /v1/users/{userId}}. */
	public static FivetranRequest userDetails(String userId) {
		return request(HttpMethod.GET, "/v1/users/{userId}", List.of(userId), null, Accept.V1, REQUEST,
				Repeat.IDEMPOTENT);
	}

	/** {@code PATCH /v1/users/{userId}} (also sets the account role). */
	public static FivetranRequest updateUser(String userId, ObjectNode body) {
		return request(HttpMethod.PATCH, "/v1/users/{userId}", List.of(userId), body, Accept.V1, REQUEST,
				Repeat.IDEMPOTENT);
	}

	/**
	 * {@code DELETE /v1/users/{id}} (the definition names this one's variable
	 * {@code id}).
	 */
	public static FivetranRequest deleteUser(String userId) {
		return request(HttpMethod.DELETE, "/v1/users/{id}", List.of(userId), null, Accept.V1, REQUEST,
				Repeat.IDEMPOTENT);
	}

	/** {@code GET /v1/teams/{teamId}}. */
	public static FivetranRequest teamDetails(String teamId) {
		return request(HttpMethod.GET, "/v1/teams/{teamId}", List.of(teamId), null, Accept.V1, REQUEST,
				Repeat.IDEMPOTENT);
	}

	/** {@code PATCH /v1/teams/{teamId}} (also sets the account role). */
	public static FivetranRequest updateTeam(String teamId, ObjectNode body) {
		return request(HttpMethod.PATCH, "/v1/teams/{teamId}", List.of(teamId), body, Accept.V1, REQUEST,
				Repeat.IDEMPOTENT);
	}

	/** {@code DELETE /v1/teams/{teamId}}. */
	public static FivetranRequest deleteTeam(String teamId) {
		return request(HttpMethod.DELETE, "/v1/teams/{teamId}", List.of(teamId), null, Accept.V1, REQUEST,
				Repeat.IDEMPOTENT);
	}

	/** {@code GET /v1/groups/{groupId}}. */
	public static FivetranRequest groupDetails(String groupId) {
		return request(HttpMethod.GET, "/v1/groups/{groupId}", List.of(groupId), null, Accept.V1, REQUEST,
				Repeat.IDEMPOTENT);
	}

	/** {@code PATCH /v1/groups/{groupId}}: its name. */
	public static FivetranRequest updateGroup(String groupId, ObjectNode body) {
		return request(HttpMethod.PATCH, "/v1/groups/{groupId}", List.of(groupId), body, Accept.V1, REQUEST,
				Repeat.IDEMPOTENT);
	}

	/**
	 * {@code DELETE /v1/groups/{groupId}}: its destination and connections go with it.
	 */
	public static FivetranRequest deleteGroup(String groupId) {
		return request(HttpMethod.DELETE, "/v1/groups/{groupId}", List.of(groupId), null, Accept.V1, REQUEST,
				Repeat.IDEMPOTENT);
	}

	/** {@code PATCH /v1/destinations/{id}}: runs setup tests unless told not to. */
	public static FivetranRequest updateDestination(String destinationId, ObjectNode body) {
		return request(HttpMethod.PATCH, "/v1/destinations/{destinationId}", List.of(destinationId), body, Accept.V2,
				setupTestBudgets(body), Repeat.IDEMPOTENT);
	}

	/** {@code DELETE /v1/destinations/{id}}. */
	public static FivetranRequest deleteDestination(String destinationId) {
		return request(HttpMethod.DELETE, "/v1/destinations/{destinationId}", List.of(destinationId), null, Accept.V2,
				REQUEST, Repeat.IDEMPOTENT);
	}

	/** {@code POST /v1/destinations/{id}/test}: the destination's setup tests. */
	public static FivetranRequest testDestination(String destinationId, ObjectNode body) {
		return request(HttpMethod.POST, "/v1/destinations/{destinationId}/test", List.of(destinationId), body,
				Accept.V2, SETUP_TEST, Repeat.IDEMPOTENT);
	}

	/** {@code GET /v1/webhooks/{webhookId}}. */
	public static FivetranRequest webhookDetails(String webhookId) {
		return request(HttpMethod.GET, "/v1/webhooks/{webhookId}", List.of(webhookId), null, Accept.V1, REQUEST,
				Repeat.IDEMPOTENT);
	}

	/** {@code PATCH /v1/webhooks/{webhookId}}. */
	public static FivetranRequest updateWebhook(String webhookId, ObjectNode body) {
		return request(HttpMethod.PATCH, "/v1/webhooks/{webhookId}", List.of(webhookId), body, Accept.V1, REQUEST,
				Repeat.IDEMPOTENT);
	}

	/** {@code DELETE /v1/webhooks/{webhookId}}. */
	public static FivetranRequest deleteWebhook(String webhookId) {
		return request(HttpMethod.DELETE, "/v1/webhooks/{webhookId}", List.of(webhookId), null, Accept.V1, REQUEST,
				Repeat.IDEMPOTENT);
	}

	/** {@code GET /v1/users/{userId}/groups/{groupId}}: 404 when there is none. */
	public static FivetranRequest userInGroup(String userId, String groupId) {
		return membershipDetails("/v1/users/{userId}/groups/{groupId}", userId, groupId);
	}

	/**
	 * {@code GET /v1/users/{userId}/connections/{connectionId}}: 404 when there is none.
	 */
	public static FivetranRequest userInConnection(String userId, String connectionId) {
		return membershipDetails("/v1/users/{userId}/connections/{connectionId}", userId, connectionId);
	}

	/** {@code GET /v1/teams/{teamId}/groups/{groupId}}: 404 when there is none. */
	public static FivetranRequest teamInGroup(String teamId, String groupId) {
		return membershipDetails("/v1/teams/{teamId}/groups/{groupId}", teamId, groupId);
	}

	/**
	 * {@code GET /v1/teams/{teamId}/connections/{connectionId}}: 404 when there is none.
	 */
	public static FivetranRequest teamInConnection(String teamId, String connectionId) {
		return membershipDetails("/v1/teams/{teamId}/connections/{connectionId}", teamId, connectionId);
	}

	private static FivetranRequest membershipDetails(String path, String principalId, String placeId) {
		return request(HttpMethod.GET, path, List.of(principalId, placeId), null, Accept.V1, REQUEST,
				Repeat.IDEMPOTENT);
	}

	/**
	 * A membership request: {@code POST} names the group or connection in the body
	 * ({@code id}); {@code POST} and {@code PATCH} carry the role. An add is not
	 * idempotent (a second one is a 409); a role change or removal is.
	 */
	private static FivetranRequest membership(HttpMethod method, String path, List<String> variables, String id,
			String role) {
		ObjectNode body = null;
		if (method != HttpMethod.DELETE) {
			body = object();
			if (id != null) {
				body.put("id", id);
			}
			body.put("role", role);
		}
		return request(method, path, variables, body, Accept.V1, REQUEST,
				(method == HttpMethod.POST) ? Repeat.NOT_IDEMPOTENT : Repeat.IDEMPOTENT);
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
