package dev.ftbridge.sandbox;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/**
 * Roles and memberships: {@code GET /v1/roles} (Fivetran's standard roles with their
 * scopes); for users and teams, {@code POST/GET .../groups|connections} (201; 404 for an
 * unknown user, team, group or connection; 400 for a role not listed for that scope; 409
 * for a membership that exists, a status the definition does not declare),
 * {@code GET/PATCH/DELETE .../groups|connections/{id}}, and {@code DELETE .../role} (the
 * account role is removed).
 */
final class MembershipHandlers {

	/** Fivetran's standard roles: name → scope. */
	static final Map<String, String> ROLES = Map.ofEntries(Map.entry("Account Administrator", "ACCOUNT"),
			Map.entry("Account Billing", "ACCOUNT"), Map.entry("Account Analyst", "ACCOUNT"),
			Map.entry("Account Reviewer", "ACCOUNT"), Map.entry("Destination Administrator", "DESTINATION"),
			Map.entry("Destination Analyst", "DESTINATION"), Map.entry("Destination Reviewer", "DESTINATION"),
			Map.entry("Connector Administrator", "CONNECTOR"), Map.entry("Connector Collaborator", "CONNECTOR"),
			Map.entry("Connector Reviewer", "CONNECTOR"), Map.entry("Team Manager", "TEAM"),
			Map.entry("Team Member", "TEAM"));

	private final SandboxState state;

	MembershipHandlers(SandboxState state) {
		this.state = state;
	}

	void register(Router router) {
		router.add("GET", "/v1/roles", Cost.READ, this::roles);
		for (String principal : List.of("users", "teams")) {
			String variable = principal.equals("users") ? "userId" : "teamId";
			for (String kind : List.of("groups", "connections")) {
				String base = "/v1/" + principal + "/{" + variable + "}/" + kind;
				String one = base + "/{" + (kind.equals("groups") ? "groupId" : "connectionId") + "}";
				Place place = new Place(principal, variable, kind);
				router.add("POST", base, Cost.WRITE, place::add)
					.add("GET", base, Cost.READ, place::list)
					.add("GET", one, Cost.READ, place::details)
					.add("PATCH", one, Cost.WRITE, place::update)
					.add("DELETE", one, Cost.WRITE, place::remove);
			}
			router.add("DELETE", "/v1/" + principal + "/{" + variable + "}/role", Cost.WRITE,
					(request) -> removeRole(principal, request.variable(variable)));
		}
	}

	private ApiResponse roles(ApiRequest request) {
		List<ObjectNode> roles = ROLES.entrySet().stream().sorted(Map.Entry.comparingByKey()).map((role) -> {
			ObjectNode json = Json.object()
				.put("name", role.getKey())
				.put("description", role.getKey())
				.put("is_custom", false)
				.put("is_deprecated", false)
				.put("replacement_role_name", "");
			json.putArray("scope").add(role.getValue());
			return json;
		}).toList();
		return ApiResponse.ok("Roles list retrieved successfully", Pages.page(roles, request));
	}

	private ApiResponse removeRole(String principal, String id) {
		this.state.locked(() -> principal(principal, id).putNull("role"));
		return ApiResponse.message("Role has been removed");
	}

	private ObjectNode principal(String principal, String id) {
		Map<String, ObjectNode> map = principal.equals("users") ? this.state.users() : this.state.teams();
		ObjectNode found = map.get(id);
		if (found == null) {
			throw ApiException.notFound(principal.equals("users") ? "User" : "Team", id);
		}
		return found;
	}

	private static String role(ObjectNode body, String kind) {
		String role = Json.requiredText(body, "role");
		String scope = kind.equals("groups") ? "DESTINATION" : "CONNECTOR";
		if (!scope.equals(ROLES.get(role))) {
			throw ApiException.invalidInput("Role '" + role + "' does not exist or is not a " + scope + " role");
		}
		return role;
	}

	/** One kind of membership: a user's or team's groups or connections. */
	private final class Place {

		private final String principal;

		private final String variable;

		private final String kind;

		Place(String principal, String variable, String kind) {
			this.principal = principal;
			this.variable = variable;
			this.kind = kind;
		}

		ApiResponse add(ApiRequest request) {
			ObjectNode body = request.requireObject();
			String target = Json.requiredText(body, "id");
			String role = role(body, this.kind);
			ObjectNode json = MembershipHandlers.this.state.locked(() -> {
				requireTarget(request, target);
				String key = key(request, target);
				if (MembershipHandlers.this.state.memberships().containsKey(key)) {
					throw ApiException.conflict("Membership already exists");
				}
				ObjectNode membership = Json.object()
					.put("id", target)
					.put("role", role)
					.put("created_at", Json.timestamp(MembershipHandlers.this.state.now()));
				MembershipHandlers.this.state.memberships().put(key, membership);
				return membership.deepCopy();
			});
			return ApiResponse.created("Membership has been created", json);
		}

		ApiResponse list(ApiRequest request) {
			String prefix = this.principal + "/" + request.variable(this.variable) + "/" + this.kind + "/";
			List<ObjectNode> items = MembershipHandlers.this.state.locked(() -> {
				principal(this.principal, request.variable(this.variable));
				return MembershipHandlers.this.state.memberships()
					.entrySet()
					.stream()
					.filter((entry) -> entry.getKey().startsWith(prefix))
					.map((entry) -> entry.getValue().deepCopy())
					.toList();
			});
			return ApiResponse.ok("Memberships retrieved successfully", Pages.page(items, request));
		}

		ApiResponse details(ApiRequest request) {
			ObjectNode json = MembershipHandlers.this.state.locked(() -> require(request).deepCopy());
			return ApiResponse.ok("Membership retrieved successfully", json);
		}

		ApiResponse update(ApiRequest request) {
			String role = role(request.requireObject(), this.kind);
			ObjectNode json = MembershipHandlers.this.state.locked(() -> require(request).put("role", role).deepCopy());
			return ApiResponse.ok("Membership has been updated", json);
		}

		ApiResponse remove(ApiRequest request) {
			MembershipHandlers.this.state.locked(() -> {
				require(request);
				return MembershipHandlers.this.state.memberships().remove(key(request, target(request)));
			});
			return ApiResponse.message("Membership has been removed");
		}

		private ObjectNode require(ApiRequest request) {
			ObjectNode membership = MembershipHandlers.this.state.memberships().get(key(request, target(request)));
			if (membership == null) {
				throw ApiException.notFound("Membership", target(request));
			}
			return membership;
		}

		private void requireTarget(ApiRequest request, String target) {
			principal(this.principal, request.variable(this.variable));
			if (this.kind.equals("groups")) {
				MembershipHandlers.this.state.requireGroup(target);
			}
			else {
				MembershipHandlers.this.state.requireConnection(target);
			}
		}

		private String target(ApiRequest request) {
			return request.variable(this.kind.equals("groups") ? "groupId" : "connectionId");
		}

		private String key(ApiRequest request, String target) {
			return this.principal + "/" + request.variable(this.variable) + "/" + this.kind + "/" + target;
		}

	}

}
