package dev.ftbridge.sandbox;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * Groups: {@code POST/GET /v1/groups}, {@code GET/PATCH/DELETE /v1/groups/{groupId}}. A
 * delete takes the group's destination, connections, webhooks and memberships with it.
 */
final class GroupHandlers {

	private final SandboxState state;

	GroupHandlers(SandboxState state) {
		this.state = state;
	}

	void register(Router router) {
		router.add("POST", "/v1/groups", Cost.WRITE, this::create)
			.add("GET", "/v1/groups", Cost.READ, this::list)
			.add("GET", "/v1/groups/{groupId}", Cost.READ, this::details)
			.add("PATCH", "/v1/groups/{groupId}", Cost.WRITE, this::update)
			.add("DELETE", "/v1/groups/{groupId}", Cost.WRITE, this::delete);
	}

	private ApiResponse create(ApiRequest request) {
		String name = Json.requiredText(request.requireObject(), "name");
		Group group = this.state.locked(() -> this.state.insertGroup(name));
		return ApiResponse.created("Group has been created", group.toJson());
	}

	private ApiResponse list(ApiRequest request) {
		List<ObjectNode> groups = this.state.locked(() -> this.state.groupList().stream().map(Group::toJson).toList());
		return ApiResponse.ok("Groups retrieved successfully", Pages.page(groups, request));
	}

	private ApiResponse update(ApiRequest request) {
		String id = request.variable("groupId");
		String name = Json.requiredText(request.requireObject(), "name");
		Group group = this.state.locked(() -> this.state.renameGroup(id, name));
		return ApiResponse.ok("Group has been updated", group.toJson());
	}

	private ApiResponse delete(ApiRequest request) {
		String id = request.variable("groupId");
		this.state.locked(() -> {
			this.state.removeGroup(id);
			return null;
		});
		return ApiResponse.message("Group with id '" + id + "' has been deleted");
	}

	private ApiResponse details(ApiRequest request) {
		String id = request.variable("groupId");
		Group group = this.state.locked(() -> this.state.requireGroup(id));
		return ApiResponse.ok("Group details retrieved successfully", group.toJson());
	}

}
