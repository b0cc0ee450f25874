package dev.ftbridge.sandbox;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/** Groups: {@code POST/GET /v1/groups}, {@code GET /v1/groups/{groupId}}. */
final class GroupHandlers {

	private final SandboxState state;

	GroupHandlers(SandboxState state) {
		this.state = state;
	}

	void register(Router router) {
		router.add("POST", "/v1/groups", Cost.WRITE, this::create)
			.add("GET", "/v1/groups", Cost.READ, this::list)
			.add("GET", "/v1/groups/{groupId}", Cost.READ, this::details);
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

	private ApiResponse details(ApiRequest request) {
		String id = request.variable("groupId");
		Group group = this.state.locked(() -> this.state.requireGroup(id));
		return ApiResponse.ok("Group details retrieved successfully", group.toJson());
	}

}
