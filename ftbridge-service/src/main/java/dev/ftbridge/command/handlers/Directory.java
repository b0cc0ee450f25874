package dev.ftbridge.command.handlers;

import tools.jackson.databind.JsonNode;

import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * Finds account resources again by what names them uniquely: a group or team by name, a
 * user by email. Used after a create's answer was lost or a crash, before sending again.
 */
class Directory {

	private final FivetranPort fivetran;

	private final int pageSize;

	Directory(HandlerContext context) {
		this.fivetran = context.fivetran();
		this.pageSize = context.pageSize();
	}

	/** The group with that name, or {@code null}. */
	JsonNode group(String name) {
		return find(FivetranRequests.listGroups(this.pageSize), "name", name);
	}

	/** The user with that email, or {@code null}. */
	JsonNode user(String email) {
		return find(FivetranRequests.listUsers(this.pageSize), "email", email);
	}

	/** The team with that name, or {@code null}. */
	JsonNode team(String name) {
		return find(FivetranRequests.listTeams(this.pageSize), "name", name);
	}

	private JsonNode find(FivetranRequest list, String field, String value) {
		for (JsonNode item : this.fivetran.listAll(list).items()) {
			if (value != null && value.equalsIgnoreCase(item.path(field).asString(null))) {
				return item;
			}
		}
		return null;
	}

}
