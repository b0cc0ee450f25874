package dev.ftbridge.sandbox;

import tools.jackson.databind.node.ObjectNode;

/**
 * Users: {@code POST /v1/users} (invite; 201; {@code email}, {@code given_name} and
 * {@code family_name} required, 409 for an email in use; counts against the user-creation
 * limit), {@code GET /v1/users}, {@code GET /v1/users/{userId}}.
 */
final class UserHandlers {

	private final SandboxState state;

	UserHandlers(SandboxState state) {
		this.state = state;
	}

	void register(Router router) {
		router.add("POST", "/v1/users", Cost.USER_CREATION, this::invite)
			.add("GET", "/v1/users", Cost.READ, this::list)
			.add("GET", "/v1/users/{userId}", Cost.READ, this::details);
	}

	private ApiResponse invite(ApiRequest request) {
		ObjectNode body = request.requireObject();
		String email = Json.requiredText(body, "email");
		ObjectNode user = Json.object()
			.put("email", email)
			.put("given_name", Json.requiredText(body, "given_name"))
			.put("family_name", Json.requiredText(body, "family_name"))
			.put("role", (body.has("role")) ? Json.optionalText(body, "role") : "Account Reviewer")
			.put("verified", false)
			.put("invited", true)
			.put("active", true)
			.putNull("logged_in_at");
		ObjectNode json = this.state.locked(() -> {
			if (this.state.users().values().stream().anyMatch((other) -> email.equals(other.get("email").asString()))) {
				throw ApiException.conflict("User with email '" + email + "' already exists");
			}
			user.put("id", this.state.newId()).put("created_at", Json.timestamp(this.state.now()));
			this.state.users().put(user.get("id").asString(), user);
			return user.deepCopy();
		});
		return ApiResponse.created("User has been invited to the account", json);
	}

	private ApiResponse list(ApiRequest request) {
		return ApiResponse.ok("Users retrieved successfully", Pages.page(this.state.userList(), request));
	}

	private ApiResponse details(ApiRequest request) {
		return ApiResponse.ok("User details retrieved successfully",
				this.state.userDetails(request.variable("userId")));
	}

}
