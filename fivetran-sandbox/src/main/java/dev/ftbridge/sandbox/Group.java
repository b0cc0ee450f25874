package dev.ftbridge.sandbox;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/**
 * A group (a destination's home).
 *
 * @param id the group id (also its destination's id)
 * @param name the unique name
 * @param createdAt when it was created, in sandbox time
 */
public record Group(String id, String name, Instant createdAt) {

	ObjectNode toJson() {
		return Json.object()
			.put("id", this.id)
			.put("name", this.name)
			.put("created_at", Json.timestamp(this.createdAt));
	}

}
