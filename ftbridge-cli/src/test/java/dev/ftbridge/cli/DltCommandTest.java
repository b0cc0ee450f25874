package dev.ftbridge.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.ftbridge.resilience.SandboxBridgeTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dlt list}, {@code dlt show} and {@code dlt replay} against the real bridge and
 * the Fivetran sandbox: a batch with a typo is dead-lettered, listed, patched and
 * re-driven once; a dead letter whose command had run is answered DUPLICATE; an
 * unreadable one is refused.
 */
class DltCommandTest extends SandboxBridgeTest {

	private static final String CREATE = "fivetran.connection.create";

	@TempDir
	Path dir;

	@Test
	void aTypodBatchIsListedPatchedAndReplayedOnce() throws Exception {
		String group = sandbox.state().addGroup(unique("dlt")).id();
		String ran = unique("ran");
		commands().send(group, ran, CREATE, data(group, "ran", "false"));
		assertThat(awaitOutcome(ran, "SUCCEEDED")).isTrue();
		List<String> ids = List.of(unique("typo1"), unique("typo2"), ran);
		for (int i = 0; i < ids.size(); i++) {
			commands().send(group, ids.get(i), CREATE, data(group, "t" + i, "\"flase\""));
		}
		deadLetters().await((r) -> group.equals(r.key()), 3, WAIT);

		CliRun list = dlt("list", "--key", group);
		CliRun json = dlt("list", "--key", group, "--json");
		assertThat(list.exitCode()).as(list.toString()).isZero();
		assertThat(list.lines()).first().isEqualTo("SCHEMA_VIOLATION\t3");
		assertThat(list.lines()).hasSize(4).allMatch((line) -> !line.startsWith("  ") || line.contains("paused"));
		JsonNode groups = JsonInput.JSON.readTree(json.out()).path("groups");
		assertThat(groups).hasSize(1);
		assertThat(groups.get(0).path("count").asInt()).isEqualTo(3);
		assertThat(groups.get(0).path("dead_letters").findValuesAsString("id")).containsExactlyElementsOf(ids);

		CliRun show = dlt("show", ids.get(0));
		assertThat(show.exitCode()).as(show.toString()).isZero();
		assertThat(show.out()).contains("reason:   SCHEMA_VIOLATION", "ftbridge_dlt_detail: ",
				"kafka_dlt-original-topic: fivetran.commands", "\"paused\" : \"flase\"");

		CliRun unpatched = dlt("replay", "--key", group);
		assertThat(unpatched.exitCode()).as(unpatched.toString()).isEqualTo(2);
		assertThat(unpatched.err()).contains("SCHEMA_VIOLATION", "3 of 3 dead letters would still be refused");
		assertThat(replaysOf(group)).isEmpty();

		Path patch = Files.writeString(this.dir.resolve("fix.json"), "{\"paused\": false}");
		CliRun dryRun = dlt("replay", "--key", group, "--patch", patch.toString(), "--new-ids", "--dry-run");
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(dryRun.out()).contains("\"id\":\"" + Replays.newId(ids.get(0)) + "\"", "\"paused\":false")
			.doesNotContain("flase");
		assertThat(replaysOf(group)).isEmpty();

		CliRun replay = dlt("replay", "--key", group, "--patch", patch.toString());
		assertThat(replay.exitCode()).as(replay.toString()).isZero();
		assertThat(replay.ids()).containsExactlyElementsOf(ids);
		assertThat(awaitOutcome(ids.get(0), "SUCCEEDED")).isTrue();
		assertThat(awaitOutcome(ids.get(1), "SUCCEEDED")).isTrue();
		assertThat(awaitOutcome(ran, "DUPLICATE")).as("the command that had run is not run again").isTrue();
		assertThat(results()
			.matching((r) -> ran.equals(r.dataText("command_id")) && "SUCCEEDED".equals(r.dataText("outcome"))))
			.hasSize(1);
		assertThat(sandbox.requestLog()
			.matching((r) -> r.applied() && r.method().equals("POST") && r.path().equals("/v1/connections")
					&& r.body().contains(group)))
			.as("connections created: the one that ran, then the two replayed")
			.hasSize(3);
		List<ConsumerRecord<byte[], byte[]>> replays = replaysOf(group);
		assertThat(replays).hasSize(3);
		assertThat(header(replays.get(0), Replays.OF)).matches("fivetran\\.commands-dlt/\\d+:\\d+");
		assertThat(header(replays.get(0), Replays.REASON)).isEqualTo("SCHEMA_VIOLATION");

		CliRun again = dlt("replay", "--key", group, "--patch", patch.toString());
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.out()).isEmpty();
		assertThat(again.err()).contains("replayed 0 dead letters", "3 already were");
		assertThat(replaysOf(group)).as("nothing new on the command topic").hasSize(3);
	}

	@Test
	void anUnreadableDeadLetterIsShownEscapedAndRefused() {
		String key = unique("unreadable") + "\u001b[2J";
		commands().sendRaw(key, "\u001b[31mnot json\u0007\u009b".getBytes(StandardCharsets.UTF_8),
				Map.of("x-note", "bell\u0007"));
		deadLetters().await((r) -> key.equals(r.key()), 1, WAIT);

		CliRun list = dlt("list", "--key", key, "--reason", "NOT_JSON");
		CliRun show = dlt("show", dlt("list", "--key", key).lines().get(1).trim().split("\t")[0]);
		CliRun replay = dlt("replay", "--key", key);
		CliRun onlyValid = dlt("replay", "--key", key, "--only-valid");

		assertThat(list.lines()).first().isEqualTo("NOT_JSON\t1");
		assertThat(show.exitCode()).as(show.toString()).isZero();
		assertThat(show.out()).contains("reason:   NOT_JSON", "\\u001b[2J", "\\u001b[31mnot json\\u0007\\u009b",
				"x-note: bell\\u0007");
		assertThat(show.out() + list.out()).doesNotContain("\u001b", "\u0007", "\u009b");
		assertThat(replay.exitCode()).as(replay.toString()).isEqualTo(2);
		assertThat(replay.err()).contains("refused\t", "\tNOT_JSON\t", "nothing was published");
		assertThat(onlyValid.exitCode()).as(onlyValid.toString()).isZero();
		assertThat(onlyValid.err()).contains("replayed 0 dead letters", "1 refused");
		assertThat(replaysOf(key)).isEmpty();
	}

	@Test
	void aBinaryDeadLetterThatIsNotUtf8IsShownAsEscapedBytesAndNeverReplayed() throws Exception {
		String key = unique("binary");
		String id = unique("bin");
		byte[] notUtf8 = { (byte) 0xff, (byte) 0xfe, '{', (byte) 0x80, 0x1b, '[', '3', '1', 'm', (byte) 0xc3 };
		// a binary-mode CloudEvent (ce_ headers) whose value is not UTF-8, let alone JSON
		commands().sendRaw(key, notUtf8, Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "urn:test",
				"ce_type", "fivetran.connection.pause", "content-type", "application/json"));
		deadLetters().await((r) -> key.equals(r.key()), 1, WAIT);
		Path patch = Files.writeString(this.dir.resolve("fix.json"), "{\"connection_id\": \"c1\"}");

		CliRun list = dlt("list", "--key", key, "--json");
		String at = dlt("list", "--key", key).lines().get(1).trim().split("\t")[0];
		CliRun show = dlt("show", at);
		CliRun replay = dlt("replay", "--key", key);
		CliRun patched = dlt("replay", "--key", key, "--patch", patch.toString());
		CliRun dryRun = dlt("replay", "--key", key, "--dry-run", "--only-valid");
		CliRun onlyValid = dlt("replay", "--key", key, "--only-valid");

		JsonNode groups = JsonInput.JSON.readTree(list.out()).path("groups");
		assertThat(groups).hasSize(1);
		String reason = groups.get(0).path("reason").asString();
		assertThat(groups.get(0).path("dead_letters").findValuesAsString("id")).containsExactly(id);
		assertThat(show.exitCode()).as(show.toString()).isZero();
		assertThat(show.out()).contains("reason:   " + reason, "\\xff\\xfe{\\x80\\x1b[31m\\xc3", "ce_id: " + id)
			.doesNotContain("\u001b", "\ufffd");
		assertThat(replay.exitCode()).as(replay.toString()).isEqualTo(2);
		assertThat(replay.err()).contains("refused\t" + at + "\t" + reason, "nothing was published");
		assertThat(patched.exitCode()).as(patched.toString()).isEqualTo(2);
		assertThat(patched.err()).contains("refused\t" + at + "\tNOT_JSON", "cannot be patched");
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(dryRun.out()).isEmpty();
		assertThat(onlyValid.exitCode()).as(onlyValid.toString()).isZero();
		assertThat(onlyValid.err()).contains("replayed 0 dead letters", "1 refused");
		assertThat(replaysOf(key)).isEmpty();
	}

	private boolean awaitOutcome(String id, String outcome) {
		return results()
			.await((r) -> id.equals(r.dataText("command_id")) && outcome.equals(r.dataText("outcome")), 1, WAIT)
			.size() == 1;
	}

	private List<ConsumerRecord<byte[], byte[]>> replaysOf(String key) {
		return TopicSnapshot.read(kafka(), "fivetran.commands")
			.stream()
			.filter((r) -> r.headers().lastHeader(Replays.OF) != null && r.key() != null
					&& key.equals(new String(r.key(), StandardCharsets.UTF_8)))
			.toList();
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return new String(header.value(), StandardCharsets.UTF_8);
	}

	private KafkaOptions kafka() {
		KafkaOptions options = new KafkaOptions();
		options.bootstrapServers = this.broker.getBrokersAsString();
		options.timeout = java.time.Duration.ofSeconds(10);
		return options;
	}

	private CliRun dlt(String... args) {
		String[] all = new String[args.length + 2];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--bootstrap-servers";
		all[args.length + 1] = this.broker.getBrokersAsString();
		return CliRun.of(java.util.stream.Stream.concat(java.util.stream.Stream.of("dlt"), java.util.Arrays.stream(all))
			.toArray(String[]::new));
	}

	private static String data(String group, String schema, String paused) {
		return "{\"group_id\":\"" + group + "\",\"service\":\"postgres\",\"run_setup_tests\":false,\"paused\":" + paused
				+ ",\"config\":{\"schema\":\"" + schema + "\",\"host\":\"db.internal\",\"port\":5432,"
				+ "\"database\":\"db\",\"user\":\"fivetran\"}}";
	}

}
