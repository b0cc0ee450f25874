package dev.ftbridge.sandbox;

import tools.jackson.databind.node.ObjectNode;

/**
 * Users: {@code POST /v1/users} (invite; 201; {@code email}, {@code given_name} and
 * {@code family_name} required, 409 for an email in use; counts against the user-creation
 * limit), {@code GET /v1/users}, {@code GET/PATCH /v1/users/{userId}}, {@code DELETE
 * /v1/users/{id}} (with the user's memberships).
 */
final class UserHandlers {

	private final SandboxState state;

	UserHandlers(SandboxState state) {
		this.state = state;
	}

	void register(Router router) {
		router.add("POST", "/v1/users", Cost.USER_CREATION, this::invite)
			.add("GET", "/v1/users", Cost.READ, this::list)
			.add("GET", "/v1/users/{userId}", Cost.READ, this::details)
			.add("PATCH", "/v1/users/{userId}", Cost.WRITE, this::update)
			.add("DELETE", "/v1/users/{id}", Cost.WRITE, this::delete);
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

	private ApiResponse update(ApiRequest request) {
		ObjectNode body = request.requireObject();
		TeamHandlers.accountRole(body);
		ObjectNode json = this.state.locked(() -> {
			ObjectNode user = this.state.users().get(request.variable("userId"));
			if (user == null) {
				throw ApiException.notFound("User", request.variable("userId"));
			}
			for (String field : new String[] { "given_name", "family_name", "phone", "picture", "role" }) {
				if (body.has(field)) {
					user.set(field, body.get(field));
				}
			}
			return user.deepCopy();
		});
		return ApiResponse.ok("User has been updated", json);
	}

	private ApiResponse delete(ApiRequest request) {
		String id = request.variable("id");
		this.state.locked(() -> {
			this.state.removePrincipal("users", id);
			return null;
		});
		return ApiResponse.message("User with id '" + id + "' has been deleted");
	}

	private ApiResponse details(ApiRequest request) {
		return ApiResponse.ok("User details retrieved successfully",
				this.state.userDetails(request.variable("userId")));
	}

}
