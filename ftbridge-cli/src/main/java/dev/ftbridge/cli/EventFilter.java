package dev.ftbridge.cli;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Which events {@code watch} shows: all of them when no filter is given; otherwise those
 * about any of the given commands, connections or groups — and about the connections the
 * given commands act on or create, so a sync's status changes show with its results.
 */
final class EventFilter {

	private final Set<String> commandIds;

	private final Set<String> connectionIds;

	private final Set<String> groupIds;

	EventFilter(Collection<String> commandIds, Collection<String> connectionIds, Collection<String> groupIds) {
		this.commandIds = Set.copyOf(commandIds);
		this.connectionIds = new HashSet<>(connectionIds);
		this.groupIds = Set.copyOf(groupIds);
	}

	boolean accepts(JsonNode event) {
		if (this.commandIds.isEmpty() && this.connectionIds.isEmpty() && this.groupIds.isEmpty()) {
			return true;
		}
		JsonNode data = event.path("data");
		String connection = data.path("connection_id").asString(null);
		if (this.commandIds.contains(data.path("command_id").asString(""))) {
			if (connection != null) {
				this.connectionIds.add(connection);
			}
			return true;
		}
		return (connection != null && this.connectionIds.contains(connection))
				|| this.groupIds.contains(data.path("group_id").asString(""));
	}

}
