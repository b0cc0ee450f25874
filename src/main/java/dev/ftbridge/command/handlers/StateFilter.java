package dev.ftbridge.command.handlers;

import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The optional {@code setup_state} / {@code sync_state} filters of a group status
 * command: any listed value matches within one filter; both filters must match.
 */
record StateFilter(Set<String> setupStates, Set<String> syncStates) {

	static StateFilter of(JsonNode data) {
		return new StateFilter(values(data.get("setup_state")), values(data.get("sync_state")));
	}

	boolean matches(JsonNode connection) {
		JsonNode status = connection.path("status");
		return accepts(this.setupStates, status.path("setup_state").asString(""))
				&& accepts(this.syncStates, status.path("sync_state").asString(""));
	}

	private static boolean accepts(Set<String> allowed, String value) {
		return allowed.isEmpty() || allowed.contains(value);
	}

	private static Set<String> values(JsonNode array) {
		Set<String> values = new HashSet<>();
		if (array != null) {
			array.forEach((value) -> values.add(value.asString()));
		}
		return values;
	}

}
