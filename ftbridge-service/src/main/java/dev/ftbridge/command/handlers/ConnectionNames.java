package dev.ftbridge.command.handlers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import dev.ftbridge.contract.ConnectionName;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * Finds a connection's id from its name: its group (by id, or by name through
 * {@code GET /v1/groups}) and its schema (through {@code GET
 * /v1/groups/{id}/connections}; both read every page). What it read is kept for
 * {@link #MAX_AGE} and read again on a miss, so a burst of commands on one group costs
 * one listing; the bridge's own creates and deletes forget what they change
 * ({@link #forgetGroup}, {@link #forgetConnection}). Listings are kept per Fivetran
 * account (group names are an account's own).
 */
class ConnectionNames {

	/**
	 * How long a listing is trusted for a hit. Misses always read again; this bounds how
	 * long a connection deleted and created again outside the bridge resolves to its old
	 * id.
	 */
	static final Duration MAX_AGE = Duration.ofMinutes(5);

	private final FivetranPort fivetran;

	private final Clock clock;

	private final int pageSize;

	private final Map<String, Listing> connectionsByGroup = new ConcurrentHashMap<>();

	private final Map<String, Listing> groupsByAccount = new ConcurrentHashMap<>();

	ConnectionNames(HandlerContext context) {
		this.fivetran = context.fivetran();
		this.clock = context.clock();
		this.pageSize = context.pageSize();
	}

	/** The requests a lookup may send. */
	List<FivetranRequest> requests() {
		return List.of(FivetranRequests.listGroups(this.pageSize),
				FivetranRequests.groupConnections(FivetranHandler.ID, this.pageSize));
	}

	/**
	 * Looks the name up.
	 * @throws FivetranException when a list could not be read
	 */
	Match find(ConnectionName name) {
		String groupId = name.groupId();
		if (groupId == null) {
			Match group = group(name.groupName());
			if (!(group instanceof Match.Found found)) {
				return group;
			}
			groupId = found.id();
		}
		String group = groupId;
		Match match;
		try {
			match = match(connections(groupId, false), "schema", name.schema()::equals, group);
			if (match instanceof Match.None) {
				match = match(connections(groupId, true), "schema", name.schema()::equals, group);
			}
		}
		catch (FivetranException ex) {
			if (ex.notFound() && name.groupId() != null) {
				return new Match.None("no group with id '" + groupId + "'", null);
			}
			throw ex;
		}
		if (match instanceof Match.None) {
			return new Match.None(
					"no connection with schema '" + name.schema() + "' in group " + describeGroup(name, group), group);
		}
		return match;
	}

	/** Forgets the group's connections (a connection was created in it). */
	void forgetGroup(String groupId) {
		if (groupId != null) {
			this.connectionsByGroup.remove(groupKey(groupId));
		}
	}

	/** Forgets the listing that holds this connection (it was deleted). */
	void forgetConnection(String connectionId) {
		if (connectionId != null) {
			this.connectionsByGroup.values()
				.removeIf((listing) -> listing.items()
					.stream()
					.anyMatch((item) -> connectionId.equals(item.path("id").asString(null))));
		}
	}

	/** Forgets the groups (one was created). */
	void forgetGroups() {
		this.groupsByAccount.remove(this.fivetran.account());
	}

	private Match group(String name) {
		Match match = groupNamed(name, false);
		if (match instanceof Match.None) {
			match = groupNamed(name, true);
		}
		if (match instanceof Match.None) {
			return new Match.None("no group named '" + name + "'", null);
		}
		return match;
	}

	/** Exact name first; ignoring case only when no name matches exactly. */
	private Match groupNamed(String name, boolean fresh) {
		String account = this.fivetran.account();
		Listing listing = this.groupsByAccount.get(account);
		if (fresh || listing == null || listing.stale(now())) {
			listing = new Listing(this.fivetran.listAll(FivetranRequests.listGroups(this.pageSize)).items(), now());
			this.groupsByAccount.put(account, listing);
		}
		Match exact = match(listing, "name", name::equals, null);
		return (exact instanceof Match.None) ? match(listing, "name", name::equalsIgnoreCase, null) : exact;
	}

	private Listing connections(String groupId, boolean fresh) {
		String key = groupKey(groupId);
		Listing listing = this.connectionsByGroup.get(key);
		if (fresh || listing == null || listing.stale(now())) {
			FivetranRequest request = FivetranRequests.groupConnections(groupId, this.pageSize);
			listing = new Listing(this.fivetran.listAll(request).items(), now());
			this.connectionsByGroup.put(key, listing);
		}
		return listing;
	}

	/** A group's listing is the account's: the same id elsewhere is another group. */
	private String groupKey(String groupId) {
		return this.fivetran.account() + "/" + groupId;
	}

	private static Match match(Listing listing, String field, Predicate<String> matches, String groupId) {
		List<JsonNode> found = listing.items()
			.stream()
			.filter((item) -> item.path(field).isString() && matches.test(item.path(field).asString()))
			.toList();
		if (found.isEmpty()) {
			return new Match.None(null, groupId);
		}
		if (found.size() == 1) {
			return new Match.Found(found.get(0).path("id").asString(), groupId);
		}
		return new Match.Several(found.stream()
			.map((item) -> item.path(field).asString() + " (" + item.path("id").asString() + ")")
			.collect(Collectors.joining(", ")));
	}

	private static String describeGroup(ConnectionName name, String groupId) {
		return (name.groupId() != null) ? groupId : "'" + name.groupName() + "' (" + groupId + ")";
	}

	private Instant now() {
		return this.clock.instant();
	}

	/** Every item of a list, as read at a time. */
	private record Listing(List<JsonNode> items, Instant readAt) {

		boolean stale(Instant now) {
			return this.readAt.plus(MAX_AGE).isBefore(now);
		}

	}

	/** What a lookup found. */
	sealed interface Match {

		/**
		 * Exactly one.
		 *
		 * @param id the connection's (or, for a group, the group's) id
		 * @param groupId the group it is in
		 */
		record Found(String id, String groupId) implements Match {

		}

		/**
		 * Nothing.
		 *
		 * @param reason what was not found, in the bridge's words
		 * @param groupId the group, if it was found
		 */
		record None(String reason, String groupId) implements Match {

		}

		/**
		 * More than one.
		 *
		 * @param candidates each as {@code name (id)}
		 */
		record Several(String candidates) implements Match {

		}

	}

}
