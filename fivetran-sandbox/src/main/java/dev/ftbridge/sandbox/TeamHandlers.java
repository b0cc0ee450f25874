package dev.ftbridge.sandbox;

import tools.jackson.databind.node.ObjectNode;

/**
 * Teams: {@code POST /v1/teams} (201; 400 without a name, 409 for a name in use),
 * {@code GET /v1/teams}, {@code GET /v1/teams/{teamId}}.
 */
final class TeamHandlers {

	private final SandboxState state;

	TeamHandlers(SandboxState state) {
		this.state = state;
	}

	void register(Router router) {
		router.add("POST", "/v1/teams", Cost.WRITE, this::create)
			.add("GET", "/v1/teams", Cost.READ, this::list)
			.add("GET", "/v1/teams/{teamId}", Cost.READ, this::details);
	}

	private ApiResponse create(ApiRequest request) {
		ObjectNode body = request.requireObject();
		String name = Json.requiredText(body, "name");
		String description = Json.optionalText(body, "description");
		String role = Json.optionalText(body, "role");
		ObjectNode json = this.state.locked(() -> {
			if (this.state.teams().values().stream().anyMatch((team) -> name.equals(team.path("name").asString()))) {
				throw ApiException.conflict("Team with name '" + name + "' already exists");
			}
			ObjectNode team = Json.object()
				.put("id", this.state.newId())
				.put("name", name)
				.put("description", (description != null) ? description : "")
				.put("role", (role != null) ? role : "Account Reviewer");
			this.state.teams().put(team.get("id").asString(), team);
			return team.deepCopy();
		});
		return ApiResponse.created("Team has been created", json);
	}

	private ApiResponse list(ApiRequest request) {
		return ApiResponse.ok("Teams retrieved successfully", Pages.page(this.state.teamList(), request));
	}

	private ApiResponse details(ApiRequest request) {
		return ApiResponse.ok("Team details retrieved successfully",
				this.state.teamDetails(request.variable("teamId")));
	}

}
