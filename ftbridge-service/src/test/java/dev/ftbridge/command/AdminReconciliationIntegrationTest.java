package dev.ftbridge.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.ftbridge.resilience.SandboxBridgeTest;
import dev.ftbridge.sandbox.LoggedRequest;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.CrashMarks;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin creates are costly to repeat: after a lost answer, or a crash between the call
 * and the result, the bridge looks the resource up (group and team by name, user by
 * email, destination by its group) and sends the create again only when Fivetran has
 * none; a webhook cannot be looked up, so a lost answer leaves it
 * {@code OUTCOME_UNKNOWN}. End to end against the sandbox: its faults lose the answer
 * after applying the create ({@code resetNextAfterApplying}) or before
 * ({@code resetNext}), and its request log says how many creates were applied.
 */
// The context of the admin and fleet command tests (same settings): no context of its
// own.
@TestPropertySource(properties = "ftbridge.test.context=admin-and-fleet")
class AdminReconciliationIntegrationTest extends SandboxBridgeTest {

	private static final int PARTITIONS = 3;

	private static final String APPLIED_THEN_RESET = "resetNextAfterApplying";

	private static final String RESET_UNAPPLIED = "resetNext";

	@Autowired
	private CommandConsumer consumer;

	@Test
	void groupCreateWhoseAnswerWasLostAfterItWasAppliedFindsTheGroupAndCreatesNoSecond() {
		String name = unique("lost_group");
		sandbox.faults().resetNextAfterApplying(1);
		Recorded result = onlyResultOf(send(name, "fivetran.group.create", "{\"name\":\"" + name + "\"}"));
		String id = groupNamed(name);
		assertFoundAfterLostAnswer(result, id);
		assertThat(result.dataText("group_id")).isEqualTo(id);
		assertOneAppliedCreate(posts("/v1/groups", name), APPLIED_THEN_RESET);
		assertThat(sandbox.state().groups().stream().filter((g) -> g.name().equals(name))).hasSize(1);
	}

	@Test
	void groupCreateWhoseAnswerWasLostBeforeItWasAppliedIsSentAgainOnce() {
		String name = unique("unsent_group");
		sandbox.faults().resetNext(1);
		Recorded result = onlyResultOf(send(name, "fivetran.group.create", "{\"name\":\"" + name + "\"}"));
		String id = groupNamed(name);
		assertSentAgain(result, id);
		assertThat(result.dataText("group_id")).isEqualTo(id);
		assertResentOnce(posts("/v1/groups", name));
	}

	@Test
	void teamCreateWhoseAnswerWasLostAfterItWasAppliedFindsTheTeamAndCreatesNoSecond() {
		String name = unique("lost_team");
		sandbox.faults().resetNextAfterApplying(1);
		Recorded result = onlyResultOf(send(name, "fivetran.team.create", team(name)));
		assertFoundAfterLostAnswer(result, teamNamed(name));
		assertOneAppliedCreate(posts("/v1/teams", name), APPLIED_THEN_RESET);
	}

	@Test
	void teamCreateWhoseAnswerWasLostBeforeItWasAppliedIsSentAgainOnce() {
		String name = unique("unsent_team");
		sandbox.faults().resetNext(1);
		Recorded result = onlyResultOf(send(name, "fivetran.team.create", team(name)));
		assertSentAgain(result, teamNamed(name));
		assertResentOnce(posts("/v1/teams", name));
	}

	@Test
	void userCreateWhoseAnswerWasLostAfterItWasAppliedFindsTheUserAndInvitesNoSecond() {
		String email = unique("lost") + "@example.com";
		sandbox.faults().resetNextAfterApplying(1);
		Recorded result = onlyResultOf(send(email, "fivetran.user.create", user(email)));
		assertFoundAfterLostAnswer(result, userWithEmail(email));
		assertOneAppliedCreate(posts("/v1/users", email), APPLIED_THEN_RESET);
	}

	@Test
	void userCreateWhoseAnswerWasLostBeforeItWasAppliedIsSentAgainOnce() {
		String email = unique("unsent") + "@example.com";
		sandbox.faults().resetNext(1);
		Recorded result = onlyResultOf(send(email, "fivetran.user.create", user(email)));
		assertSentAgain(result, userWithEmail(email));
		assertResentOnce(posts("/v1/users", email));
	}

	@Test
	void destinationCreateWhoseAnswerWasLostAfterItWasAppliedFindsTheDestinationAndCreatesNoSecond() {
		String groupId = sandbox.state().addGroup(unique("lost_dest")).id();
		sandbox.faults().resetNextAfterApplying(1);
		Recorded result = onlyResultOf(send(groupId, "fivetran.destination.create", destination(groupId)));
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("resource_id")).isEqualTo(groupId);
		assertThat(result.dataText("group_id")).isEqualTo(groupId);
		assertThat(result.dataText("reason")).contains("answer was lost", "created once");
		assertThat(sandbox.state().destinationDetails(groupId)).isPresent();
		assertOneAppliedCreate(posts("/v1/destinations", groupId), APPLIED_THEN_RESET);
		assertThat(sandbox.requestLog().count("GET", "/v1/destinations/" + groupId)).as("looked up by its group")
			.isEqualTo(1);
	}

	@Test
	void destinationCreateWhoseAnswerWasLostBeforeItWasAppliedIsSentAgainOnce() {
		String groupId = sandbox.state().addGroup(unique("unsent_dest")).id();
		sandbox.faults().resetNext(1);
		Recorded result = onlyResultOf(send(groupId, "fivetran.destination.create", destination(groupId)));
		assertSentAgain(result, groupId);
		assertThat(result.dataText("group_id")).isEqualTo(groupId);
		assertThat(sandbox.state().destinationDetails(groupId)).isPresent();
		assertResentOnce(posts("/v1/destinations", groupId));
	}

	@Test
	void destinationWithAGroupNameWhoseGroupAnswerWasLostAfterItWasAppliedUsesThatGroup() {
		String name = unique("lost_dest_group");
		sandbox.faults().resetNextAfterApplying(1);
		Recorded result = onlyResultOf(send(name, "fivetran.destination.create", destinationInGroup(name)));
		String groupId = groupNamed(name);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("resource_id")).isEqualTo(groupId);
		assertThat(result.dataText("group_id")).isEqualTo(groupId);
		assertThat(result.data().at("/response/group/id").asString()).isEqualTo(groupId);
		assertOneAppliedCreate(posts("/v1/groups", name), APPLIED_THEN_RESET);
		assertOneAppliedCreate(posts("/v1/destinations", groupId), null);
	}

	@Test
	void destinationWithAGroupNameWhoseGroupAnswerWasLostBeforeItWasAppliedSendsTheGroupAgainOnce() {
		String name = unique("unsent_dest_group");
		sandbox.faults().resetNext(1);
		Recorded result = onlyResultOf(send(name, "fivetran.destination.create", destinationInGroup(name)));
		String groupId = groupNamed(name);
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("resource_id")).isEqualTo(groupId);
		assertThat(result.dataText("group_id")).isEqualTo(groupId);
		assertResentOnce(posts("/v1/groups", name));
		assertOneAppliedCreate(posts("/v1/destinations", groupId), null);
	}

	@Test
	void webhookCreateWhoseAnswerWasLostIsOutcomeUnknownAndNeverSentAgain() {
		String groupId = sandbox.state().addGroup(unique("lost_hook")).id();
		String data = "{\"group_id\":\"" + groupId + "\",\"url\":\"https://hooks.example.com/" + groupId
				+ "\",\"events\":[\"sync_end\"],\"active\":false,\"secret\":\"wh-s3cret\"}";
		sandbox.faults().resetNextAfterApplying(1);
		Recorded result = onlyResultOf(send(groupId, "fivetran.webhook.create", data));
		assertThat(result.dataText("outcome")).isEqualTo("OUTCOME_UNKNOWN");
		assertThat(result.dataText("reason")).contains("not sent again");
		assertThat(result.data().path("retryable").asBoolean()).isFalse();
		assertThat(result.dataText("group_id")).isEqualTo(groupId);
		assertThat(new String(result.value(), StandardCharsets.UTF_8)).doesNotContain("wh-s3cret");
		List<LoggedRequest> posts = sandbox.requestLog()
			.matching((r) -> r.method().equals("POST") && r.path().equals("/v1/webhooks/group/" + groupId));
		assertThat(posts).as("one POST, never sent again").hasSize(1);
		assertThat(posts.get(0).fault()).isEqualTo(APPLIED_THEN_RESET);
		assertThat(sandbox.state().webhooks().stream().filter((w) -> groupId.equals(w.groupId()))).hasSize(1);
	}

	@Test
	void groupCreatesStartedBeforeACrashAreLookedUpBeforeAnythingIsSent() {
		String existing = unique("crash_existing");
		String missing = unique("crash_missing");
		String existingId = sandbox.state().addGroup(existing).id();
		String createdBefore = Commands.newId();
		String neverSent = Commands.newId();
		Instant crashedAt = Instant.now().minusSeconds(60);
		mark(existing, createdBefore, "fivetran.group.create", crashedAt);
		mark(missing, neverSent, "fivetran.group.create", crashedAt);
		this.consumer.stop();
		this.consumer.start();

		send(existing, createdBefore, "fivetran.group.create", "{\"name\":\"" + existing + "\"}");
		send(missing, neverSent, "fivetran.group.create", "{\"name\":\"" + missing + "\"}");

		Recorded found = onlyResultOf(createdBefore);
		assertThat(found.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(found.dataText("resource_id")).isEqualTo(existingId);
		assertThat(found.dataText("group_id")).isEqualTo(existingId);
		assertThat(found.dataText("reason")).contains("reconciled after a restart", "ran once");
		assertThat(posts("/v1/groups", existing)).as("no second create").isEmpty();

		Recorded created = onlyResultOf(neverSent);
		assertThat(created.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(created.dataText("resource_id")).isEqualTo(groupNamed(missing));
		assertThat(created.dataText("reason")).contains("reconciled after a restart", "was sent");
		assertOneAppliedCreate(posts("/v1/groups", missing), null);
	}

	private String send(String key, String type, String data) {
		String id = Commands.newId();
		send(key, id, type, data);
		return id;
	}

	private void send(String key, String id, String type, String data) {
		commands().send(key, id, type, data);
	}

	/** The command's result, checked against its schema, and that no other follows. */
	private Recorded onlyResultOf(String commandId) {
		Recorded result = resultOf(commandId);
		Predicate<Recorded> ofCommand = (r) -> commandId.equals(r.dataText("command_id"));
		Awaitility.await()
			.during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(10))
			.until(() -> results().matching(ofCommand).size() == 1);
		return result;
	}

	private static void assertFoundAfterLostAnswer(Recorded result, String id) {
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("resource_id")).isEqualTo(id);
		assertThat(result.dataText("reason")).contains("answer was lost", "ran once");
	}

	private static void assertSentAgain(Recorded result, String id) {
		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("resource_id")).isEqualTo(id);
		assertThat(result.dataText("reason")).contains("answer was lost", "sent again");
		assertThat(result.data().path("attempts").asInt()).isEqualTo(2);
	}

	/** One POST, applied (its answer lost to {@code fault}, when not null). */
	private static void assertOneAppliedCreate(List<LoggedRequest> posts, String fault) {
		assertThat(posts).as("exactly one create").hasSize(1);
		assertThat(posts.get(0).applied()).isTrue();
		assertThat(posts.get(0).fault()).isEqualTo(fault);
	}

	/** The first POST reset before it was applied, the second applied: one in total. */
	private static void assertResentOnce(List<LoggedRequest> posts) {
		assertThat(posts).as("the create, sent again once").hasSize(2);
		assertThat(posts.get(0).fault()).isEqualTo(RESET_UNAPPLIED);
		assertThat(posts.get(0).applied()).isFalse();
		assertThat(posts.get(1).fault()).isNull();
		assertThat(posts.get(1).applied()).isTrue();
	}

	/** The POSTs to that path whose body contains the text, in arrival order. */
	private static List<LoggedRequest> posts(String path, String bodyContains) {
		return sandbox.requestLog()
			.matching((r) -> r.method().equals("POST") && r.path().equals(path) && r.body().contains(bodyContains));
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

	private static String teamNamed(String name) {
		return only(sandbox.state().teamList(), "name", name);
	}

	private static String userWithEmail(String email) {
		return only(sandbox.state().userList(), "email", email);
	}

	private static String only(List<? extends JsonNode> items, String field, String value) {
		List<JsonNode> matching = items.stream()
			.filter((item) -> value.equals(item.path(field).asString()))
			.map(JsonNode.class::cast)
			.toList();
		assertThat(matching).as("%s %s in the sandbox", field, value).hasSize(1);
		return matching.get(0).path("id").asString();
	}

	private static String team(String name) {
		return "{\"name\":\"" + name + "\",\"description\":\"Finance analysts\",\"role\":\"Account Reviewer\"}";
	}

	private static String user(String email) {
		return "{\"email\":\"" + email + "\",\"given_name\":\"Ada\",\"family_name\":\"Lovelace\"}";
	}

	private static String destination(String groupId) {
		return "{\"group_id\":\"" + groupId
				+ "\",\"service\":\"snowflake\",\"time_zone_offset\":\"+1\",\"run_setup_tests\":false}";
	}

	private static String destinationInGroup(String name) {
		return "{\"group_name\":\"" + name
				+ "\",\"service\":\"snowflake\",\"time_zone_offset\":\"+1\",\"run_setup_tests\":false}";
	}

	private void mark(String key, String commandId, String type, Instant startedAt) {
		CrashMarks.mark(this.broker.getBrokersAsString(), PARTITIONS, key, commandId, type, startedAt);
	}

}
