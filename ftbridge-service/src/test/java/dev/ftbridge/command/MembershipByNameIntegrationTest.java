package dev.ftbridge.command;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.TestPropertySource;

import dev.ftbridge.resilience.SandboxBridgeTest;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memberships granted and revoked for a user or team named by name, end to end against
 * the Fivetran sandbox: a user by {@code "given_name family_name"}, a team by its name,
 * both exactly; no match is {@code FAILED}, several are {@code REJECTED} listing them,
 * and neither sends a change.
 */
// The same context as AdminLifecycleIntegrationTest, so both run in one.
@TestPropertySource(properties = "ftbridge.test.context=admin-and-fleet")
class MembershipByNameIntegrationTest extends SandboxBridgeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aUserNamedByNameIsGrantedAndRevokedAndASecondUserOfThatNameMakesItAmbiguous() {
		String given = unique("Ada");
		String name = given + " Lovelace";
		String userId = createUser(given, "Lovelace");
		String groupId = sandbox.state().addGroup(unique("named")).id();

		Recorded granted = resultOf(sendCommand("fivetran.membership.grant", """
				{"user_name":"%s","group_id":"%s","role":"Destination Analyst"}""".formatted(name, groupId)));
		assertThat(granted.key()).isEqualTo(name);
		assertThat(granted.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(granted.dataText("resource_id")).isEqualTo(userId);
		assertThat(json(only("POST", "/v1/users/" + userId + "/groups").body()))
			.isEqualTo(json("{\"id\":\"" + groupId + "\",\"role\":\"Destination Analyst\"}"));
		assertThat(sandbox.state().membership("users", userId, "groups", groupId)).hasValueSatisfying(
				(membership) -> assertThat(membership.path("role").asString()).isEqualTo("Destination Analyst"));

		Recorded revoked = resultOf(sendCommand("fivetran.membership.revoke",
				"{\"user_name\":\"" + name + "\",\"group_id\":\"" + groupId + "\"}"));
		assertThat(revoked.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(revoked.dataText("resource_id")).isEqualTo(userId);
		assertThat(only("DELETE", "/v1/users/" + userId + "/groups/" + groupId)).isNotNull();
		assertThat(sandbox.state().membership("users", userId, "groups", groupId)).isEmpty();
		Recorded again = resultOf(sendCommand("fivetran.membership.revoke",
				"{\"user_name\":\"" + name + "\",\"group_id\":\"" + groupId + "\"}"));
		assertThat(again.dataText("outcome")).isEqualTo("FAILED");
		assertThat(again.data().path("http_status").asInt()).isEqualTo(404);
		assertThat(again.data().path("retryable").asBoolean()).isFalse();

		String twinId = createUser(given, "Lovelace");
		Recorded ambiguous = resultOf(sendCommand("fivetran.membership.grant", """
				{"user_name":"%s","group_id":"%s","role":"Destination Analyst"}""".formatted(name, groupId)));
		assertThat(ambiguous.dataText("outcome")).isEqualTo("REJECTED");
		assertThat(ambiguous.dataText("reason")).contains("user named '" + name + "'", "matches 2", userId, twinId);
		assertThat(sandbox.requestLog().matching((r) -> r.path().equals("/v1/users/" + twinId + "/groups"))).isEmpty();
		assertThat(only("POST", "/v1/users/" + userId + "/groups")).isNotNull();
		assertThat(sandbox.state().membership("users", userId, "groups", groupId)).isEmpty();
	}

	@Test
	void aNameNoUserOrTeamHasExactlyFailsAndChangesNothing() {
		String given = unique("Grace");
		String userId = createUser(given, "Hopper");
		String team = unique("Platform");
		String teamId = resultOf(sendCommand("fivetran.team.create", "{\"name\":\"" + team + "\"}"))
			.dataText("resource_id");

		Recorded user = resultOf(sendCommand("fivetran.membership.grant",
				"{\"user_name\":\"" + given.toLowerCase() + " hopper\",\"role\":\"Account Analyst\"}"));
		assertThat(user.dataText("outcome")).isEqualTo("FAILED");
		assertThat(user.dataText("reason")).contains("no user named '" + given.toLowerCase() + " hopper'",
				"nothing was changed");
		Recorded teamResult = resultOf(
				sendCommand("fivetran.membership.revoke", "{\"team_name\":\"" + team.toUpperCase() + "\"}"));
		assertThat(teamResult.dataText("outcome")).isEqualTo("FAILED");
		assertThat(teamResult.dataText("reason")).contains("no team named '" + team.toUpperCase() + "'");

		assertThat(sandbox.requestLog().matching((r) -> !r.method().equals("GET")))
			.noneMatch((r) -> r.path().startsWith("/v1/users/" + userId) || r.path().startsWith("/v1/teams/" + teamId));
		assertThat(sandbox.state().userList()).filteredOn((u) -> u.path("id").asString().equals(userId))
			.singleElement()
			.satisfies((u) -> assertThat(u.path("role").asString()).isEqualTo("Account Reviewer"));
		assertThat(sandbox.state().teamList()).filteredOn((t) -> t.path("id").asString().equals(teamId))
			.singleElement()
			.satisfies((t) -> assertThat(t.path("role").asString()).isEqualTo("Account Reviewer"));
	}

	private String createUser(String given, String family) {
		Recorded created = resultOf(sendCommand("fivetran.user.create", """
				{"email":"%s@example.com","given_name":"%s","family_name":"%s"}""".formatted(unique("u").toLowerCase(),
				given, family)));
		assertThat(created.dataText("outcome")).isEqualTo("SUCCEEDED");
		return created.dataText("resource_id");
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
