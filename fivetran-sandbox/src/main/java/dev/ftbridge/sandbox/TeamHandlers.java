package dev.ftbridge.sandbox;

import tools.jackson.databind.node.ObjectNode;

/**
 * Teams: {@code POST /v1/teams} (201; 400 without a name, 409 for a name in use),
 * {@code GET /v1/teams}, {@code GET/PATCH/DELETE /v1/teams/{teamId}} (a delete takes the
 * team's memberships with it).
 */
final class TeamHandlers {

	private final SandboxState state;

	TeamHandlers(SandboxState state) {
		this.state = state;
	}

	void register(Router router) {
		router.add("POST", "/v1/teams", Cost.WRITE, this::create)
			.add("GET", "/v1/teams", Cost.READ, this::list)
			.add("GET", "/v1/teams/{teamId}", Cost.READ, this::details)
			.add("PATCH", "/v1/teams/{teamId}", Cost.WRITE, this::update)
			.add("DELETE", "/v1/teams/{teamId}", Cost.WRITE, this::delete);
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

	private ApiResponse update(ApiRequest request) {
		ObjectNode body = request.requireObject();
		accountRole(body);
		String id = request.variable("teamId");
		ObjectNode json = this.state.locked(() -> {
			ObjectNode team = this.state.teams().get(id);
			if (team == null) {
				throw ApiException.notFound("Team", id);
			}
			String name = Json.optionalText(body, "name");
			if (name != null && this.state.teams()
				.values()
				.stream()
				.anyMatch((other) -> other != team && name.equals(other.path("name").asString()))) {
				throw ApiException.conflict("Team with name '" + name + "' already exists");
			}
			for (String field : new String[] { "name", "description", "role" }) {
				if (body.has(field)) {
					team.set(field, body.get(field));
				}
			}
			return team.deepCopy();
		});
		return ApiResponse.ok("Team has been updated", json);
	}

	private ApiResponse delete(ApiRequest request) {
		String id = request.variable("teamId");
		this.state.locked(() -> {
			this.state.removePrincipal("teams", id);
			return null;
		});
		return ApiResponse.message("Team with id '" + id + "' has been deleted");
	}

	/** An account role from the body, checked against Fivetran's roles. */
	static String accountRole(ObjectNode body) {
		String role = Json.optionalText(body, "role");
		if (role != null && !"ACCOUNT".equals(MembershipHandlers.ROLES.get(role))) {
			throw ApiException.invalidInput("Role '" + role + "' does not exist or is not an ACCOUNT role");
		}
		return role;
	}

	private ApiResponse details(ApiRequest request) {
		return ApiResponse.ok("Team details retrieved successfully",
				this.state.teamDetails(request.variable("teamId")));
	}

}
