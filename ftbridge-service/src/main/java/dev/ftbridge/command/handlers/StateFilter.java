package dev.ftbridge.command.handlers;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.ftbridge.fivetran.ConnectionDetails;

/**
 * The optional {@code setup_state} / {@code sync_state} filters of a group status
 * command: any listed value matches within one filter; both filters must match.
 */
record StateFilter(Set<String> setupStates, Set<String> syncStates) {

	static StateFilter of(JsonNode data) {
		return new StateFilter(values(data.get("setup_state")), values(data.get("sync_state")));
	}

	boolean matches(ConnectionDetails connection) {
		ConnectionDetails.Status status = connection.status();
		return accepts(this.setupStates, Objects.toString(status.setupState(), ""))
				&& accepts(this.syncStates, Objects.toString(status.syncState(), ""));
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
