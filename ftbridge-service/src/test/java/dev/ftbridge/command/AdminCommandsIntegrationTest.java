package dev.ftbridge.command;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

import dev.ftbridge.resilience.SandboxBridgeTest;
import dev.ftbridge.sandbox.LoggedRequest;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin commands end to end against the Fivetran sandbox: the command on Kafka, the
 * exact requests the sandbox receives, what it holds afterwards, and the result event
 * (checked against its schema).
 */
// A context of their own (same settings as the resilience tests): sharing theirs left it
// idle while other contexts ran, and the outage test then began with a rebalance.
@TestPropertySource(properties = "ftbridge.test.context=admin-and-fleet")
class AdminCommandsIntegrationTest extends SandboxBridgeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void groupCreatePostsTheNameAndReportsTheNewGroupId() {
		String name = unique("warehouse");
		Recorded result = resultOf(sendCommand(null, "fivetran.group.create", "{\"name\":\"" + name + "\"}"));
		assertThat(result.key()).isEqualTo(name);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		String id = groupNamed(name);
		assertThat(result.dataText("resource_id")).isEqualTo(id);
		assertThat(result.dataText("group_id")).isEqualTo(id);
		assertThat(json(only("POST", "/v1/groups", name).body())).isEqualTo(json("{\"name\":\"" + name + "\"}"));
	}

	@Test
	void groupCreateForANameInUseFailsWithFivetransConflict() {
		String name = unique("taken");
		sandbox.state().addGroup(name);
		Recorded result = resultOf(sendCommand(null, "fivetran.group.create", "{\"name\":\"" + name + "\"}"));
		assertThat(result.dataText("outcome")).isEqualTo("FAILED");
		assertThat(result.data().path("http_status").asInt()).isEqualTo(409);
		assertThat(result.data().path("retryable").asBoolean()).isFalse();
	}

	@Test
	void destinationCreateWithAGroupNameCreatesTheGroupThenItsDestination() {
		String name = unique("bq");
		Recorded result = resultOf(sendCommand(null, "fivetran.destination.create", """
				{"group_name":"%s","service":"big_query","region":"GCP_US_EAST4","time_zone_offset":"-5",
				 "config":{"project_id":"acme","secret_key":"k3y"}}""".formatted(name)));
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		String groupId = groupNamed(name);
		assertThat(result.dataText("resource_id")).isEqualTo(groupId);
		assertThat(result.dataText("group_id")).isEqualTo(groupId);
		assertThat(result.data().at("/response/group/name").asString()).isEqualTo(name);
		assertThat(result.data().path("response").has("config")).isFalse();
		assertThat(new String(result.value())).doesNotContain("k3y");
		LoggedRequest group = only("POST", "/v1/groups", name);
		LoggedRequest destination = only("POST", "/v1/destinations", groupId);
		assertThat(group.sequence()).isLessThan(destination.sequence());
		assertThat(json(destination.body())).isEqualTo(json("""
				{"group_id":"%s","service":"big_query","region":"GCP_US_EAST4","time_zone_offset":"-5",
				 "config":{"project_id":"acme","secret_key":"k3y"}}""".formatted(groupId)));
		assertThat(destination.headers().get("Accept")).containsExactly("application/json;version=2");
		assertThat(sandbox.state().destinationDetails(groupId)).isPresent();
	}

	@Test
	void aDestinationThatFailsAfterItsGroupWasCreatedIsReportedWithTheGroupsId() {
		String name = unique("mars");
		Recorded result = resultOf(sendCommand(null, "fivetran.destination.create", """
				{"group_name":"%s","service":"snowflake","region":"MARS_1","time_zone_offset":"0"}""".formatted(name)));
		String groupId = groupNamed(name);
		assertThat(result.dataText("outcome")).isEqualTo("FAILED");
		assertThat(result.data().path("http_status").asInt()).isEqualTo(400);
		assertThat(result.dataText("group_id")).isEqualTo(groupId);
		assertThat(result.data().at("/response/group/id").asString()).isEqualTo(groupId);
		assertThat(result.dataText("reason")).contains("was created (id " + groupId + ")", "MARS_1",
				"group_id " + groupId);
		assertThat(sandbox.state().destinationDetails(groupId)).isEmpty();
	}

	@Test
	void destinationCreateInAnExistingGroupSendsOnlyTheDestination() {
		String groupId = sandbox.state().addGroup(unique("existing")).id();
		Recorded result = resultOf(sendCommand(groupId, "fivetran.destination.create", """
				{"group_id":"%s","service":"snowflake","time_zone_offset":"+1","run_setup_tests":false}"""
			.formatted(groupId)));
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("resource_id")).isEqualTo(groupId);
		assertThat(result.data().at("/response/group").isMissingNode()).isTrue();
		assertThat(sandbox.requestLog().matching((r) -> r.path().equals("/v1/groups") && r.body().contains(groupId)))
			.isEmpty();
	}

	@Test
	void userCreateInvitesOnceAndReportsTheUserId() {
		String email = unique("ada") + "@example.com";
		String data = "{\"email\":\"" + email + "\",\"given_name\":\"Ada\",\"family_name\":\"Lovelace\"}";
		Recorded result = resultOf(sendCommand(null, "fivetran.user.create", data));
		assertThat(result.key()).isEqualTo(email);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		JsonNode user = sandbox.state()
			.userList()
			.stream()
			.filter((u) -> email.equals(u.path("email").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(result.dataText("resource_id")).isEqualTo(user.path("id").asString());
		assertThat(json(only("POST", "/v1/users", email).body())).isEqualTo(json(data));
		Recorded again = resultOf(sendCommand(null, "fivetran.user.create", data));
		assertThat(again.dataText("outcome")).isEqualTo("FAILED");
		assertThat(again.data().path("http_status").asInt()).isEqualTo(409);
	}

	@Test
	void teamCreateReportsTheTeamId() {
		String name = unique("finance");
		Recorded result = resultOf(sendCommand(null, "fivetran.team.create",
				"{\"name\":\"" + name + "\",\"description\":\"Finance analysts\",\"role\":\"Account Reviewer\"}"));
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		JsonNode team = sandbox.state()
			.teamList()
			.stream()
			.filter((t) -> name.equals(t.path("name").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(result.dataText("resource_id")).isEqualTo(team.path("id").asString());
		assertThat(json(only("POST", "/v1/teams", name).body()).path("role").asString()).isEqualTo("Account Reviewer");
	}

	@Test
	void groupWebhookCreateTargetsTheGroupAndNeverPublishesTheSecret() {
		String groupId = sandbox.state().addGroup(unique("hooks")).id();
		String data = "{\"group_id\":\"" + groupId + "\",\"url\":\"https://hooks.example.com/" + groupId
				+ "\",\"events\":[\"sync_end\"],\"active\":false,\"secret\":\"wh-s3cret\"}";
		Recorded result = resultOf(sendCommand(null, "fivetran.webhook.create", data));
		assertThat(result.key()).isEqualTo(groupId);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("group_id")).isEqualTo(groupId);
		String webhookId = sandbox.state()
			.webhooks()
			.stream()
			.filter((w) -> groupId.equals(w.groupId()))
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(result.dataText("resource_id")).isEqualTo(webhookId);
		assertThat(new String(result.value())).doesNotContain("wh-s3cret");
		assertThat(json(only("POST", "/v1/webhooks/group/" + groupId, groupId).body()))
			.isEqualTo(json(data.replace("\"group_id\":\"" + groupId + "\",", "")));
	}

	@Test
	void accountWebhookWhoseUrlFailsFivetransTestFails() {
		String url = "https://unreachable.invalid/" + unique("hook");
		Recorded result = resultOf(
				sendCommand(null, "fivetran.webhook.create", "{\"url\":\"" + url + "\",\"events\":[\"sync_end\"]}"));
		assertThat(result.key()).isEqualTo("account");
		assertThat(result.dataText("outcome")).isEqualTo("FAILED");
		assertThat(result.data().path("http_status").asInt()).isEqualTo(400);
		assertThat(only("POST", "/v1/webhooks/account", url)).isNotNull();
	}

	@Test
	void certificateApprovalForAConnectionAndAFingerprintForADestination() {
		String groupId = sandbox.state().addGroup(unique("certs")).id();
		String connection = sandbox.state().addConnection(groupId, "postgres", "pg");
		Recorded certificate = resultOf(sendCommand(null, "fivetran.certificate.approve",
				"{\"connection_id\":\"" + connection + "\",\"hash\":\"h1\",\"encoded_cert\":\"QUJD\"}"));
		assertThat(certificate.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(certificate.dataText("connection_id")).isEqualTo(connection);
		assertThat(certificate.data().at("/response/hash").asString()).isEqualTo("h1");
		assertThat(json(only("POST", "/v1/connections/" + connection + "/certificates", "h1").body()))
			.isEqualTo(json("{\"hash\":\"h1\",\"encoded_cert\":\"QUJD\"}"));
		resultOf(sendCommand(null, "fivetran.destination.create",
				"{\"group_id\":\"" + groupId + "\",\"service\":\"snowflake\",\"time_zone_offset\":\"0\"}"));
		Recorded fingerprint = resultOf(sendCommand(null, "fivetran.certificate.approve",
				"{\"destination_id\":\"" + groupId + "\",\"hash\":\"f1\",\"public_key\":\"ssh-rsa AAAA\"}"));
		assertThat(fingerprint.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(fingerprint.dataText("resource_id")).isEqualTo(groupId);
		assertThat(only("POST", "/v1/destinations/" + groupId + "/fingerprints", "f1")).isNotNull();
		assertThat(sandbox.state().approvedHashes(connection)).containsExactly("h1");
		assertThat(sandbox.state().approvedHashes(groupId)).containsExactly("f1");
	}

	/** The one request to that path whose body contains the text. */
	private static LoggedRequest only(String method, String path, String bodyContains) {
		List<LoggedRequest> requests = sandbox.requestLog()
			.matching((r) -> r.method().equals(method) && r.path().equals(path) && r.body().contains(bodyContains));
		assertThat(requests).as("%s %s with %s", method, path, bodyContains).hasSize(1);
		return requests.get(0);
	}

	private static String groupNamed(String name) {
		return sandbox.state()
			.groups()
			.stream()
			.filter((group) -> group.name().equals(name))
			.findFirst()
			.orElseThrow()
			.id();
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
