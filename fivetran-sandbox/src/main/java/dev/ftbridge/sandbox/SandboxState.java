package dev.ftbridge.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import tools.jackson.databind.node.ObjectNode;

/**
 * Everything the sandbox account holds: groups, their destinations, connections with
 * their schema configs, transformations, webhooks, users and teams, in creation order.
 * Thread-safe: one lock guards it all; handlers work inside {@link #locked}. The public
 * methods seed and inspect state without HTTP, limits or faults.
 */
public final class SandboxState {

	private final SandboxClock clock;

	private final Ids ids = new Ids();

	private final Map<String, Group> groups = new LinkedHashMap<>();

	private final Map<String, SandboxConnection> connections = new LinkedHashMap<>();

	private final Map<String, SandboxTransformation> transformations = new LinkedHashMap<>();

	private final Map<String, WebhookRegistration> webhooks = new LinkedHashMap<>();

	private final Map<String, ObjectNode> users = new LinkedHashMap<>();

	private final Map<String, ObjectNode> teams = new LinkedHashMap<>();

	private final Map<String, SandboxDestination> destinations = new LinkedHashMap<>();

	/** Memberships by {@code users|teams/{id}/groups|connections/{id}}. */
	private final Map<String, ObjectNode> memberships = new LinkedHashMap<>();

	SandboxState(SandboxClock clock) {
		this.clock = clock;
	}

	/** Adds a group; the name must be unique. */
	public Group addGroup(String name) {
		return locked(() -> insertGroup(name));
	}

	/** Adds a connected, unpaused connection with passed setup tests; returns its id. */
	public String addConnection(String groupId, String service, String schema) {
		return addConnection(groupId, service, schema, Json.object());
	}

	/**
	 * Adds an unpaused connection with the config given (plus {@code schema}) and runs
	 * its setup tests: {@code "sandbox_setup": "fail"} in the config makes it
	 * {@code broken}, and so do {@code untrusted_certificate} and
	 * {@code untrusted_fingerprint} until trusted. Returns its id.
	 */
	public String addConnection(String groupId, String service, String schema, ObjectNode config) {
		return locked(() -> {
			ObjectNode copy = config.deepCopy().put("schema", schema);
			SandboxConnection connection = new SandboxConnection(newId(), groupId, service, schema, copy, now());
			connection.runSetupTests();
			insertConnection(connection);
			return connection.id;
		});
	}

	/** The destination as {@code GET /v1/destinations/{id}} shows it. */
	public Optional<ObjectNode> destinationDetails(String destinationId) {
		return locked(() -> Optional.ofNullable(this.destinations.get(destinationId)).map(SandboxDestination::toJson));
	}

	/**
	 * The hashes of the certificates and fingerprints approved for a connection or
	 * destination.
	 */
	public List<String> approvedHashes(String id) {
		return locked(() -> {
			SandboxConnection connection = this.connections.get(id);
			SetupTests.Approvals approvals = (connection != null) ? connection.approvals
					: require(this.destinations, id, "Destination").approvals;
			List<String> hashes = new ArrayList<>(approvals.certificates.keySet());
			hashes.addAll(approvals.fingerprints.keySet());
			return hashes;
		});
	}

	/** Every team, as {@code GET /v1/teams} lists them. */
	public List<ObjectNode> teamList() {
		return locked(() -> this.teams.values().stream().map(ObjectNode::deepCopy).toList());
	}

	/** Every user, as {@code GET /v1/users} lists them. */
	public List<ObjectNode> userList() {
		return locked(() -> this.users.values().stream().map(ObjectNode::deepCopy).toList());
	}

	/**
	 * A copy of the team, as {@code GET /v1/teams/{teamId}} shows it; 404 when unknown.
	 */
	ObjectNode teamDetails(String teamId) {
		return copyOf(this.teams, "Team", teamId);
	}

	/**
	 * A copy of the user, as {@code GET /v1/users/{userId}} shows it; 404 when unknown.
	 */
	ObjectNode userDetails(String userId) {
		return copyOf(this.users, "User", userId);
	}

	private ObjectNode copyOf(Map<String, ObjectNode> objects, String kind, String id) {
		return locked(() -> {
			ObjectNode found = objects.get(id);
			if (found == null) {
				throw ApiException.notFound(kind, id);
			}
			return found.deepCopy();
		});
	}

	/** Adds a transformation of type {@code DBT_CORE}; returns its id. */
	public String addTransformation(ObjectNode transformationConfig) {
		return locked(() -> {
			ObjectNode schedule = Json.object().put("schedule_type", "INTERVAL").put("interval", 60);
			SandboxTransformation transformation = new SandboxTransformation(newId(), "DBT_CORE", schedule,
					transformationConfig.deepCopy(), false, now());
			this.transformations.put(transformation.id, transformation);
			return transformation.id;
		});
	}

	/** The connection as {@code GET /v1/connections/{id}} shows it. */
	public Optional<ObjectNode> connectionDetails(String connectionId) {
		return locked(() -> Optional.ofNullable(this.connections.get(connectionId)).map(ConnectionJson::details));
	}

	/** The transformation as {@code GET /v1/transformations/{id}} shows it. */
	public Optional<ObjectNode> transformationDetails(String transformationId) {
		return locked(() -> Optional.ofNullable(this.transformations.get(transformationId))
			.map(SandboxTransformation::toJson));
	}

	/**
	 * A connection's schema config, as {@code GET /v1/connections/{id}/schemas} shows it.
	 */
	public Optional<ObjectNode> schemaConfig(String connectionId) {
		return locked(() -> Optional.ofNullable(this.connections.get(connectionId))
			.map((connection) -> connection.schemaConfig.deepCopy()));
	}

	/** The ids of a group's connections, oldest first. */
	public List<String> connectionIds(String groupId) {
		return locked(() -> this.connections.values()
			.stream()
			.filter((connection) -> connection.groupId.equals(groupId))
			.map((connection) -> connection.id)
			.toList());
	}

	/** Replaces a connection's schema config. */
	public void setSchemaConfig(String connectionId, ObjectNode schemaConfig) {
		locked(() -> requireConnection(connectionId).schemaConfig = schemaConfig.deepCopy());
	}

	/**
	 * Sets the columns the source has for a table, served by {@code GET
	 * .../schemas/{schema}/tables/{table}/columns} (merged with those the schema config
	 * lists), but not listed in the schema config: as Fivetran's config omits columns
	 * nobody configured.
	 */
	public void setSourceColumns(String connectionId, String schema, String table, ObjectNode columns) {
		locked(() -> requireConnection(connectionId).sourceColumns.put(schema + "/" + table, columns.deepCopy()));
	}

	/** Appends scripts to the connection's queue (see {@link SyncScript}). */
	void script(String connectionId, List<SyncScript> scripts) {
		locked(() -> requireConnection(connectionId).scripts.addAll(scripts));
	}

	/** The connection's queued scripts, next first. */
	List<SyncScript> scripts(String connectionId) {
		return locked(() -> List.copyOf(requireConnection(connectionId).scripts));
	}

	/** Forgets the connection's queued scripts. */
	void clearScripts(String connectionId) {
		locked(() -> {
			requireConnection(connectionId).scripts.clear();
			return null;
		});
	}

	public List<Group> groups() {
		return locked(() -> List.copyOf(this.groups.values()));
	}

	/** Every registered webhook, secrets in clear. */
	public List<WebhookRegistration> webhooks() {
		return locked(() -> List.copyOf(this.webhooks.values()));
	}

	/** Forgets everything. */
	public void clear() {
		locked(() -> {
			this.groups.clear();
			this.connections.clear();
			this.transformations.clear();
			this.webhooks.clear();
			this.users.clear();
			this.teams.clear();
			this.destinations.clear();
			this.memberships.clear();
			return null;
		});
	}

	synchronized <T> T locked(Supplier<T> action) {
		return action.get();
	}

	String newId() {
		return this.ids.next();
	}

	Instant now() {
		return this.clock.now();
	}

	Group insertGroup(String name) {
		if (name == null || name.isBlank()) {
			throw ApiException.invalidInput("Field 'name' is required");
		}
		if (this.groups.values().stream().anyMatch((group) -> group.name().equals(name))) {
			throw ApiException.conflict("Group with name '" + name + "' already exists");
		}
		Group group = new Group(newId(), name, now());
		this.groups.put(group.id(), group);
		return group;
	}

	Group requireGroup(String groupId) {
		return require(this.groups, groupId, "Group");
	}

	Collection<Group> groupList() {
		return this.groups.values();
	}

	/** Adds a connection; its group must exist and its schema be unique in the group. */
	void insertConnection(SandboxConnection connection) {
		requireGroup(connection.groupId);
		for (SandboxConnection other : this.connections.values()) {
			if (other.groupId.equals(connection.groupId) && other.schema.equals(connection.schema)) {
				throw ApiException.conflict("A connection with schema '" + connection.schema
						+ "' already exists in group '" + connection.groupId + "'");
			}
		}
		this.connections.put(connection.id, connection);
	}

	SandboxConnection requireConnection(String connectionId) {
		return require(this.connections, connectionId, "Connection");
	}

	/** Looks a connection up without failing (for lifecycles that outlive it). */
	SandboxConnection findConnection(String connectionId) {
		return this.connections.get(connectionId);
	}

	void removeConnection(String connectionId) {
		requireConnection(connectionId);
		this.connections.remove(connectionId);
	}

	List<SandboxConnection> connectionList() {
		return new ArrayList<>(this.connections.values());
	}

	SandboxTransformation requireTransformation(String transformationId) {
		return require(this.transformations, transformationId, "Transformation");
	}

	SandboxTransformation findTransformation(String transformationId) {
		return this.transformations.get(transformationId);
	}

	void putTransformation(SandboxTransformation transformation) {
		this.transformations.put(transformation.id, transformation);
	}

	WebhookRegistration requireWebhook(String webhookId) {
		return require(this.webhooks, webhookId, "Webhook");
	}

	void putWebhook(WebhookRegistration webhook) {
		this.webhooks.put(webhook.id(), webhook);
	}

	void removeWebhook(String webhookId) {
		requireWebhook(webhookId);
		this.webhooks.remove(webhookId);
	}

	Collection<WebhookRegistration> webhookList() {
		return this.webhooks.values();
	}

	Map<String, ObjectNode> users() {
		return this.users;
	}

	Map<String, ObjectNode> teams() {
		return this.teams;
	}

	SandboxDestination findDestination(String destinationId) {
		return this.destinations.get(destinationId);
	}

	SandboxDestination requireDestination(String destinationId) {
		return require(this.destinations, destinationId, "Destination");
	}

	void putDestination(SandboxDestination destination) {
		this.destinations.put(destination.groupId, destination);
	}

	// The admin lifecycle: memberships, group and destination deletes.

	/** The membership, as {@code GET /v1/users/{userId}/groups/{groupId}} shows it. */
	public Optional<ObjectNode> membership(String principal, String principalId, String kind, String targetId) {
		return locked(() -> Optional
			.ofNullable(this.memberships.get(principal + "/" + principalId + "/" + kind + "/" + targetId))
			.map(ObjectNode::deepCopy));
	}

	Map<String, ObjectNode> memberships() {
		return this.memberships;
	}

	/**
	 * Removes a group with what it holds, as Fivetran's delete does: its destination,
	 * connections, webhooks and memberships.
	 */
	void removeGroup(String groupId) {
		requireGroup(groupId);
		this.groups.remove(groupId);
		this.destinations.remove(groupId);
		this.connections.values().removeIf((connection) -> connection.groupId.equals(groupId));
		this.webhooks.values().removeIf((webhook) -> groupId.equals(webhook.groupId()));
		this.memberships.keySet().removeIf((key) -> key.endsWith("/groups/" + groupId));
	}

	Group renameGroup(String groupId, String name) {
		Group current = requireGroup(groupId);
		if (this.groups.values().stream().anyMatch((group) -> group != current && group.name().equals(name))) {
			throw ApiException.conflict("Group with name '" + name + "' already exists");
		}
		Group renamed = new Group(groupId, name, current.createdAt());
		this.groups.put(groupId, renamed);
		return renamed;
	}

	void removeDestination(String destinationId) {
		requireDestination(destinationId);
		this.destinations.remove(destinationId);
	}

	/** Removes a user or team ({@code users} or {@code teams}) with its memberships. */
	void removePrincipal(String principal, String id) {
		Map<String, ObjectNode> map = principal.equals("users") ? this.users : this.teams;
		require(map, id, principal.equals("users") ? "User" : "Team");
		map.remove(id);
		this.memberships.keySet().removeIf((key) -> key.startsWith(principal + "/" + id + "/"));
	}

	private static <T> T require(Map<String, T> map, String id, String type) {
		T value = map.get(id);
		if (value == null) {
			throw ApiException.notFound(type, id);
		}
		return value;
	}

}
