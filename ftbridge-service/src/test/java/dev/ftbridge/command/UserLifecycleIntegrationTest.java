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
 * User updates and deletes end to end against the Fivetran sandbox: the exact request
 * each sends and the result it ends with, including a user Fivetran does not have. A user
 * holds no connections, so its delete takes no {@code force}: the user's memberships go
 * with it, and a {@code force} is refused by the schema before anything is sent.
 */
// The same context as AdminLifecycleIntegrationTest, so both run in one.
@TestPropertySource(properties = "ftbridge.test.context=admin-and-fleet")
class UserLifecycleIntegrationTest extends SandboxBridgeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void anUpdatePatchesTheUserWithTheOtherFieldsAndAnUnknownUserOrRoleFails() {
		String userId = createUser();

		Recorded updated = resultOf(sendCommand("fivetran.user.update", """
				{"user_id":"%s","family_name":"Hopper-King","phone":"+15550100","role":"Account Analyst"}"""
			.formatted(userId)));
		assertThat(updated.key()).isEqualTo(userId);
		assertThat(updated.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(updated.dataText("resource_id")).isEqualTo(userId);
		assertThat(json(only("PATCH", "/v1/users/" + userId).body()))
			.isEqualTo(json("{\"family_name\":\"Hopper-King\",\"phone\":\"+15550100\",\"role\":\"Account Analyst\"}"));
		assertThat(updated.data().at("/response/family_name").asString()).isEqualTo("Hopper-King");
		JsonNode user = user(userId);
		assertThat(user.path("family_name").asString()).isEqualTo("Hopper-King");
		assertThat(user.path("given_name").asString()).isEqualTo("Grace");
		assertThat(user.path("role").asString()).isEqualTo("Account Analyst");

		Recorded badRole = resultOf(sendCommand("fivetran.user.update",
				"{\"user_id\":\"" + userId + "\",\"role\":\"Destination Reviewer\"}"));
		assertThat(badRole.dataText("outcome")).isEqualTo("FAILED");
		assertThat(badRole.data().path("http_status").asInt()).isEqualTo(400);
		assertThat(badRole.data().path("retryable").asBoolean()).isFalse();
		assertThat(user(userId).path("role").asString()).isEqualTo("Account Analyst");

		String missing = unique("nobody");
		Recorded unknown = resultOf(
				sendCommand("fivetran.user.update", "{\"user_id\":\"" + missing + "\",\"given_name\":\"Nobody\"}"));
		assertThat(unknown.dataText("outcome")).isEqualTo("FAILED");
		assertThat(unknown.data().path("http_status").asInt()).isEqualTo(404);
		assertThat(json(only("PATCH", "/v1/users/" + missing).body())).isEqualTo(json("{\"given_name\":\"Nobody\"}"));
	}

	@Test
	void aDeleteRemovesTheUserWithItsMembershipsAndADeleteOfAMissingUserFails() {
		String userId = createUser();
		String groupId = sandbox.state().addGroup(unique("leaving")).id();
		assertThat(resultOf(sendCommand("fivetran.membership.grant", """
				{"user_id":"%s","group_id":"%s","role":"Destination Reviewer"}""".formatted(userId, groupId)))
			.dataText("outcome")).isEqualTo("SUCCEEDED");

		Recorded forced = resultOf(
				sendCommand("fivetran.user.delete", "{\"user_id\":\"" + userId + "\",\"force\":true}"));
		assertThat(forced.dataText("outcome")).isEqualTo("REJECTED");
		assertThat(forced.dataText("reason")).contains("force");
		assertThat(sandbox.requestLog().matching((r) -> r.method().equals("DELETE")))
			.noneMatch((r) -> r.path().equals("/v1/users/" + userId));

		Recorded deleted = resultOf(sendCommand("fivetran.user.delete", "{\"user_id\":\"" + userId + "\"}"));
		assertThat(deleted.key()).isEqualTo(userId);
		assertThat(deleted.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(deleted.dataText("resource_id")).isEqualTo(userId);
		LoggedRequest delete = only("DELETE", "/v1/users/" + userId);
		assertThat(delete.body()).isNullOrEmpty();
		assertThat(delete.query()).isNull();
		assertThat(sandbox.state().userList()).noneMatch((user) -> user.path("id").asString().equals(userId));
		assertThat(sandbox.state().membership("users", userId, "groups", groupId)).isEmpty();
		assertThat(sandbox.state().groups()).anyMatch((group) -> group.id().equals(groupId));

		Recorded again = resultOf(sendCommand("fivetran.user.delete", "{\"user_id\":\"" + userId + "\"}"));
		assertThat(again.dataText("outcome")).isEqualTo("FAILED");
		assertThat(again.data().path("http_status").asInt()).isEqualTo(404);
		assertThat(again.data().path("retryable").asBoolean()).isFalse();
		assertThat(sandbox.requestLog().matching((r) -> r.method().equals("DELETE")))
			.filteredOn((r) -> r.path().equals("/v1/users/" + userId))
			.hasSize(2);
	}

	private String createUser() {
		Recorded created = resultOf(sendCommand("fivetran.user.create", """
				{"email":"%s@example.com","given_name":"Grace","family_name":"Hopper"}"""
			.formatted(unique("grace").toLowerCase())));
		assertThat(created.dataText("outcome")).isEqualTo("SUCCEEDED");
		return created.dataText("resource_id");
	}

	private static JsonNode user(String userId) {
		return sandbox.state()
			.userList()
			.stream()
			.filter((user) -> user.path("id").asString().equals(userId))
			.findFirst()
			.orElseThrow();
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
