package dev.ftbridge.command;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.TestPropertySource;

import dev.ftbridge.resilience.SandboxBridgeTest;
import dev.ftbridge.sandbox.LoggedRequest;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin lifecycle end to end against the Fivetran sandbox: memberships granted by
 * email with a role checked against {@code GET /v1/roles}, revoked; a group delete that
 * needs {@code force}; a destination test and updates.
 */
// The same context as AdminCommandsIntegrationTest, so both run in one.
@TestPropertySource(properties = "ftbridge.test.context=admin-and-fleet")
class AdminLifecycleIntegrationTest extends SandboxBridgeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void grantByEmailChecksTheRoleAddsTheMembershipAndRevokeRemovesIt() {
		String email = unique("grace") + "@example.com";
		Recorded user = resultOf(sendCommand("fivetran.user.create",
				"{\"email\":\"" + email + "\",\"given_name\":\"Grace\",\"family_name\":\"Hopper\"}"));
		String userId = user.dataText("resource_id");
		String groupId = sandbox.state().addGroup(unique("members")).id();

		Recorded unknownRole = resultOf(sendCommand("fivetran.membership.grant", """
				{"user_email":"%s","group_id":"%s","role":"Destination Superuser"}""".formatted(email, groupId)));
		assertThat(unknownRole.key()).isEqualTo(email);
		assertThat(unknownRole.dataText("outcome")).isEqualTo("REJECTED");
		assertThat(unknownRole.dataText("reason")).contains("'Destination Superuser'", "Destination Reviewer",
				"Destination Administrator");
		assertThat(sandbox.requestLog().matching((r) -> r.path().equals("/v1/users/" + userId + "/groups"))).isEmpty();

		Recorded granted = resultOf(sendCommand("fivetran.membership.grant", """
				{"user_email":"%s","group_id":"%s","role":"Destination Reviewer"}""".formatted(email, groupId)));
		assertThat(granted.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(granted.dataText("resource_id")).isEqualTo(userId);
		assertThat(granted.dataText("group_id")).isEqualTo(groupId);
		assertThat(json(only("POST", "/v1/users/" + userId + "/groups").body()))
			.isEqualTo(json("{\"id\":\"" + groupId + "\",\"role\":\"Destination Reviewer\"}"));
		assertThat(sandbox.requestLog().matching((r) -> r.method().equals("GET") && r.path().equals("/v1/roles")))
			.hasSizeGreaterThanOrEqualTo(2);
		assertThat(sandbox.state().membership("users", userId, "groups", groupId)).hasValueSatisfying(
				(membership) -> assertThat(membership.path("role").asString()).isEqualTo("Destination Reviewer"));

		Recorded revoked = resultOf(sendCommand("fivetran.membership.revoke",
				"{\"user_email\":\"" + email + "\",\"group_id\":\"" + groupId + "\"}"));
		assertThat(revoked.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(only("DELETE", "/v1/users/" + userId + "/groups/" + groupId)).isNotNull();
		assertThat(sandbox.state().membership("users", userId, "groups", groupId)).isEmpty();
	}

	@Test
	void aGroupWithConnectionsIsDeletedOnlyWhenForced() {
		String groupId = sandbox.state().addGroup(unique("doomed")).id();
		String postgres = sandbox.state().addConnection(groupId, "postgres", "pg_orders");
		String salesforce = sandbox.state().addConnection(groupId, "salesforce", "sf_crm");

		Recorded unforced = resultOf(sendCommand("fivetran.group.delete", "{\"group_id\":\"" + groupId + "\"}"));
		assertThat(unforced.key()).isEqualTo(groupId);
		assertThat(unforced.dataText("outcome")).isEqualTo("REJECTED");
		assertThat(unforced.dataText("reason")).contains("2 connection(s)", "pg_orders (" + postgres,
				"sf_crm (" + salesforce, "\"force\": true");
		assertThat(unforced.data().at("/response/would_delete")).hasSize(2);
		assertThat(sandbox.requestLog().matching((r) -> r.method().equals("DELETE")))
			.noneMatch((r) -> r.path().equals("/v1/groups/" + groupId));
		assertThat(sandbox.state().groups()).anyMatch((group) -> group.id().equals(groupId));

		Recorded forced = resultOf(
				sendCommand("fivetran.group.delete", "{\"group_id\":\"" + groupId + "\",\"force\":true}"));
		assertThat(forced.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(forced.dataText("group_id")).isEqualTo(groupId);
		assertThat(only("DELETE", "/v1/groups/" + groupId)).isNotNull();
		assertThat(sandbox.state().groups()).noneMatch((group) -> group.id().equals(groupId));
		assertThat(sandbox.state().connectionDetails(postgres)).isEmpty();
	}

	@Test
	void destinationTestAndUpdatesReachFivetran() {
		String name = unique("tested");
		String groupId = sandbox.state().addGroup(name).id();
		assertThat(resultOf(sendCommand("fivetran.destination.create", """
				{"group_id":"%s","service":"snowflake","time_zone_offset":"0","run_setup_tests":false}"""
			.formatted(groupId))).dataText("outcome")).isEqualTo("SUCCEEDED");

		Recorded tested = resultOf(sendCommand("fivetran.destination.test",
				"{\"destination_id\":\"" + groupId + "\",\"trust_certificates\":true}"));
		assertThat(tested.key()).isEqualTo(groupId);
		assertThat(tested.dataText("outcome")).isEqualTo("SUCCEEDED");
		LoggedRequest test = only("POST", "/v1/destinations/" + groupId + "/test");
		assertThat(json(test.body())).isEqualTo(json("{\"trust_certificates\":true}"));
		assertThat(test.headers().get("Accept")).containsExactly("application/json;version=2");
		assertThat(tested.data().at("/response/setup_tests").isEmpty()).isFalse();

		Recorded updated = resultOf(sendCommand("fivetran.destination.update", """
				{"destination_id":"%s","time_zone_offset":"+3","run_setup_tests":false}""".formatted(groupId)));
		assertThat(updated.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(json(only("PATCH", "/v1/destinations/" + groupId).body()))
			.isEqualTo(json("{\"time_zone_offset\":\"+3\",\"run_setup_tests\":false}"));
		assertThat(sandbox.state().destinationDetails(groupId).orElseThrow().path("time_zone_offset").asString())
			.isEqualTo("+3");

		Recorded renamed = resultOf(sendCommand("fivetran.group.update",
				"{\"group_id\":\"" + groupId + "\",\"name\":\"" + name + "_eu\"}"));
		assertThat(renamed.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(sandbox.state().groups()).anyMatch((group) -> group.name().equals(name + "_eu"));
	}

	@Test
	void aTeamsAccountRoleIsGrantedByNameAndRevokedThenWebhookAndTeamAreUpdatedAndDeleted() {
		String name = unique("auditors");
		String teamId = resultOf(sendCommand("fivetran.team.create", "{\"name\":\"" + name + "\"}"))
			.dataText("resource_id");
		Recorded granted = resultOf(sendCommand("fivetran.membership.grant",
				"{\"team_name\":\"" + name + "\",\"role\":\"Account Analyst\"}"));
		assertThat(granted.key()).isEqualTo(name);
		assertThat(granted.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(json(only("PATCH", "/v1/teams/" + teamId).body())).isEqualTo(json("{\"role\":\"Account Analyst\"}"));
		assertThat(team(teamId).path("role").asString()).isEqualTo("Account Analyst");
		Recorded revoked = resultOf(sendCommand("fivetran.membership.revoke", "{\"team_id\":\"" + teamId + "\"}"));
		assertThat(revoked.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(only("DELETE", "/v1/teams/" + teamId + "/role")).isNotNull();
		assertThat(team(teamId).path("role").isNull()).isTrue();

		String groupId = sandbox.state().addGroup(unique("hooked")).id();
		String webhookId = resultOf(sendCommand("fivetran.webhook.create",
				"{\"group_id\":\"" + groupId
						+ "\",\"url\":\"https://hooks.example.com/a\",\"events\":[\"sync_end\"],\"active\":false}"))
			.dataText("resource_id");
		Recorded updated = resultOf(sendCommand("fivetran.webhook.update",
				"{\"webhook_id\":\"" + webhookId + "\",\"events\":[\"sync_end\",\"sync_start\"]}"));
		assertThat(updated.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(updated.key()).isEqualTo(webhookId);
		assertThat(sandbox.state().webhooks()).filteredOn((webhook) -> webhook.id().equals(webhookId))
			.singleElement()
			.satisfies((webhook) -> assertThat(webhook.events()).containsExactly("sync_end", "sync_start"));
		assertThat(resultOf(sendCommand("fivetran.webhook.delete", "{\"webhook_id\":\"" + webhookId + "\"}"))
			.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(sandbox.state().webhooks()).noneMatch((webhook) -> webhook.id().equals(webhookId));

		assertThat(
				resultOf(sendCommand("fivetran.team.delete", "{\"team_id\":\"" + teamId + "\"}")).dataText("outcome"))
			.isEqualTo("SUCCEEDED");
		assertThat(only("DELETE", "/v1/teams/" + teamId)).isNotNull();
		assertThat(sandbox.state().teamList()).noneMatch((team) -> team.path("id").asString().equals(teamId));
		Recorded again = resultOf(sendCommand("fivetran.team.delete", "{\"team_id\":\"" + teamId + "\"}"));
		assertThat(again.dataText("outcome")).isEqualTo("FAILED");
		assertThat(again.data().path("http_status").asInt()).isEqualTo(404);
	}

	private static JsonNode team(String teamId) {
		return sandbox.state()
			.teamList()
			.stream()
			.filter((team) -> team.path("id").asString().equals(teamId))
			.findFirst()
			.orElseThrow();
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
