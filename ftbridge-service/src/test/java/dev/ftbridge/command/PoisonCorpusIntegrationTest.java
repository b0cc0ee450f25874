package dev.ftbridge.command;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.ftbridge.BridgeIntegrationTest;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.CrashMarks;
import dev.ftbridge.support.MockFivetran;
import dev.ftbridge.support.RawRecords;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poison corpus through the running pipeline: every kind of bad record a
 * client could publish — broken JSON, duplicate keys, bombs, oversized and compressed
 * records, path-like and control-character ids and names, bad attributes and keys — ends
 * with exactly one dead letter (plus one {@code REJECTED} result where its id could be
 * read), sends nothing to Fivetran, and the next good command in its partition succeeds.
 */
class PoisonCorpusIntegrationTest extends BridgeIntegrationTest {

	private static final Map<String, String> STRUCTURED = Map.of("content-type", "application/cloudevents+json");

	private static final int MIB = 1024 * 1024;

	@Autowired
	private CommandConsumer consumer;

	@Test
	void everyPoisonGetsOneAnswerNothingReachesFivetranAndTheNextCommandRuns() {
		long heapBefore = usedHeapAfterGc();
		String run = Commands.newId().substring(0, 8);
		List<Poison> corpus = corpus(run);
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(30);
		runCorpus(run, corpus);
		long heapAfterOne = usedHeapAfterGc();
		// a second pass: what the bridge kept of the first (caches filled, classes
		// loaded) is not counted again, what it keeps per poison would be
		String again = Commands.newId().substring(0, 8);
		runCorpus(again, corpus(again));
		long heapAfterTwo = usedHeapAfterGc();
		System.out.printf(
				"Poison corpus: %d kinds twice; used heap after GC %d MiB before, %d MiB after the first"
						+ " pass, %d MiB after the second%n",
				corpus.size(), heapBefore / MIB, heapAfterOne / MIB, heapAfterTwo / MIB);
		// each pass publishes ~5 MiB of values (this test's recorders keep the dead
		// letters)
		assertThat(heapAfterTwo - heapAfterOne).isLessThan(16L * MIB);
	}

	/**
	 * Poisons whose answer, written as usual, the broker refuses for good: a 1.2 MB key
	 * (its REJECTED result is keyed by it, over the result topic's limit) and a gzip'ed
	 * record of 10 MiB (its dead letter, with the original value, is over the producer's
	 * limit). Each still gets its one dead letter and result, in a minimal form, instead
	 * of an endless retry that would stall the partition.
	 */
	@Test
	void poisonsWhoseUsualAnswerTheBrokerRefusesGetAMinimalOne() {
		String run = Commands.newId().substring(0, 8);
		Corpus c = new Corpus(run);
		c.keyed("key of 1.2 MB", "k".repeat(1_200_000), Commands.newId());
		c.oversized("gzip record of 10 MiB (uncompressed)", 10 * MIB, true);
		runCorpus(run, c.poisons);
	}

	private void runCorpus(String run, List<Poison> corpus) {
		// the broker takes 4 MiB on the command topic; a compressed record is checked
		// there at its compressed size, by the producer at its full size
		try (RawRecords plain = new RawRecords(this.broker.getBrokersAsString(), "none", 5 * MIB);
				RawRecords gzip = new RawRecords(this.broker.getBrokersAsString(), "gzip", 12 * MIB)) {
			runCorpus(run, corpus, plain, gzip);
		}
	}

	private void runCorpus(String run, List<Poison> corpus, RawRecords plain, RawRecords gzip) {
		String key = "corpus-" + run;
		int requestsBefore = fivetran.requests().size();

		List<Sent> sent = new ArrayList<>();
		for (Poison poison : corpus) {
			RecordMetadata at = ((poison.compressed()) ? gzip : plain).sendAndWait(null,
					bytes((poison.key() != null) ? poison.key() : key), poison.value(), poison.headers());
			String good = Commands.newId();
			// the next command in the same partition (and, where the poison's key is
			// a usable one, on the same key)
			plain.sendAndWait(at.partition(), bytes(key),
					bytes(Commands.event(good, "fivetran.connection.pause", "{\"connection_id\":\"" + key + "\"}")),
					STRUCTURED);
			sent.add(new Sent(poison, at.partition(), at.offset(), good));
		}

		for (Sent one : sent) {
			Poison poison = one.poison();
			assertThat(resultOf(one.nextGood()).dataText("outcome")).as("the command after: " + poison.name())
				.isEqualTo("SUCCEEDED");
			List<Recorded> letters = deadLetters().await((r) -> one.answeredBy(r), 1, WAIT);
			assertThat(letters).as(poison.name()).hasSize(1);
			assertThat(letters.get(0).header("ftbridge_dlt_reason")).as(poison.name()).isEqualTo(poison.reason());
			assertThat(letters.get(0).header("ftbridge_dlt_detail")).as(poison.name())
				.doesNotContainPattern("\\p{Cntrl}");
			if (poison.commandId() != null) {
				List<Recorded> results = resultsOf(poison.commandId(), 1);
				assertThat(results).as(poison.name()).hasSize(1);
				assertThat(results.get(0).dataText("outcome")).as(poison.name()).isEqualTo("REJECTED");
			}
		}
		// answers come in order on a partition: the last good command's result is the
		// last output a second answer could have come before
		for (Sent one : sent) {
			assertThat(deadLetters().matching(one::answeredBy)).as(one.poison().name()).hasSize(1);
			if (one.poison().commandId() != null) {
				assertThat(results().matching((r) -> one.poison().commandId().equals(r.dataText("command_id"))))
					.as(one.poison().name())
					.hasSize(1);
			}
		}
		List<MockFivetran.Request> requests = fivetran.requests().subList(requestsBefore, fivetran.requests().size());
		for (MockFivetran.Request request : requests) {
			String seen = request.path() + " " + request.query() + " " + request.body();
			assertThat(seen).as("a request for a poison").doesNotContain("pc" + run);
			assertThat(RawRecords.badSegments(request)).isEmpty();
		}
		assertThat(requests).as("the good commands' calls").isNotEmpty();
	}

	/**
	 * A newline in a command id is refused (the corpus has it: INVALID_ATTRIBUTE); the
	 * characters that are allowed and that a hand-written mark or ledger line gets wrong
	 * (a quote, a backslash, U+2028, non-ASCII) go through a costly command, a rebalance
	 * (every partition's ledger is read back) and a second publication of the same id.
	 */
	@Test
	void aCostlyCommandWithAnOddIdIsRecognisedAfterARebalance() throws Exception {
		String key = "odd-" + Commands.newId().substring(0, 8);
		// as JSON text: a quote, a backslash, U+2028 and an e acute
		String id = "q\\\"uote\\\\back\\u2028\u00e9-" + key;
		String resync = Commands.event(id, "fivetran.connection.resync", "{\"connection_id\":\"" + key + "\"}");
		commands().sendRaw(key, bytes(resync), STRUCTURED);
		String readId = JSON.readTree(resync).path("id").asString();
		assertThat(resultOf(readId).dataText("outcome")).isEqualTo("ACCEPTED");

		rebalance();
		commands().sendRaw(key, bytes(resync), STRUCTURED);
		String good = Commands.newId();
		commands().send(key, good, "fivetran.connection.pause", "{\"connection_id\":\"" + key + "\"}");
		assertThat(resultOf(good).dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(results().matching((r) -> readId.equals(r.dataText("command_id")))
			.stream()
			.map((r) -> r.dataText("outcome"))).containsExactly("ACCEPTED", "DUPLICATE");
		assertThat(fivetran.requests("POST", "/v1/connections/" + key + "/resync")).hasSize(1);
	}

	/**
	 * The started mark of a resync with such an id, left by a crash, is read back when
	 * the command consumer starts again (as after a restart): the command is reconciled,
	 * never sent.
	 */
	@Test
	void theStartedMarkOfACommandWithAnOddIdIsReadBackAfterARestart() {
		String key = "oddmark-" + Commands.newId().substring(0, 8);
		String resync = Commands.event("q\\\"uote\\\\back\\u2028\u00e9-" + key, "fivetran.connection.resync",
				"{\"connection_id\":\"" + key + "\"}");
		String id = JSON.readTree(resync).path("id").asString();
		CrashMarks.mark(this.broker.getBrokersAsString(), 3, key, id, "fivetran.connection.resync",
				Instant.now().minusSeconds(60));
		this.consumer.stop();
		this.consumer.start();
		commands().sendRaw(key, bytes(resync), STRUCTURED);
		Recorded result = resultOf(id);
		assertThat(result.dataText("outcome")).as(result.dataText("reason")).isEqualTo("OUTCOME_UNKNOWN");
		assertThat(fivetran.requests("POST", "/v1/connections/" + key + "/resync")).as("never sent").isEmpty();
	}

	/**
	 * Another member joins the bridge's group and leaves: the bridge's partitions are
	 * revoked and assigned again, and it reads every assigned partition's ledger back.
	 */
	private void rebalance() {
		try (KafkaConsumer<byte[], byte[]> member = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.broker.getBrokersAsString(), ConsumerConfig.GROUP_ID_CONFIG, "ftbridge",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				ByteArrayDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
				ByteArrayDeserializer.class, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1))) {
			member.subscribe(List.of("fivetran.commands"));
			Awaitility.await().atMost(WAIT).until(() -> {
				member.poll(Duration.ofMillis(100));
				return !member.assignment().isEmpty();
			});
		}
	}

	private static List<Poison> corpus(String run) {
		Corpus c = new Corpus(run);
		c.structured("not JSON", "NOT_JSON", "this is not json {pc" + run);
		c.structured("JSON, not a CloudEvent", "NOT_A_CLOUDEVENT", "{\"connection_id\":\"pc" + run + "\"}");
		c.structured("a JSON array", "NOT_A_CLOUDEVENT", "[1,2,3]");
		c.event("no source", "NOT_A_CLOUDEVENT", true, "fivetran.connection.pause", "{\"connection_id\":\"%M\"}",
				(e) -> e.replace("\"source\":\"urn:test\",", ""));
		c.event("specversion 0.3", "UNSUPPORTED_SPECVERSION", true, "fivetran.connection.pause",
				"{\"connection_id\":\"%M\"}", (e) -> e.replace("\"1.0\"", "\"0.3\""));
		c.event("specversion a number", "UNSUPPORTED_SPECVERSION", true, "fivetran.connection.pause",
				"{\"connection_id\":\"%M\"}", (e) -> e.replace("\"1.0\"", "1.0"));
		c.event("unknown type", "UNKNOWN_TYPE", true, "fivetran.connection.explode", "{\"connection_id\":\"%M\"}",
				(e) -> e);
		c.event("schema: no connection_id", "SCHEMA_VIOLATION", true, "fivetran.connection.pause", "{\"note\":\"%M\"}",
				(e) -> e);
		c.event("schema: data a string", "SCHEMA_VIOLATION", true, "fivetran.connection.pause", "\"%M\"", (e) -> e);
		c.event("schema: empty resync scope", "SCHEMA_VIOLATION", true, "fivetran.connection.resync",
				"{\"connection_id\":\"%M\",\"scope\":{}}", (e) -> e);
		c.add("tombstone", "EMPTY", null, null, Map.of());
		c.event("data_base64", "UNSUPPORTED_CONTENT_TYPE", true, "fivetran.connection.pause",
				"{\"connection_id\":\"%M\"}", (e) -> e.replaceFirst("\"data\":.*}$", "\"data_base64\":\"e30=\"}"));
		c.event("datacontenttype text/plain", "UNSUPPORTED_CONTENT_TYPE", true, "fivetran.connection.pause",
				"{\"connection_id\":\"%M\"}", (e) -> e.replace("application/json", "text/plain"));
		c.binary("binary mode, content-type text/plain", "UNSUPPORTED_CONTENT_TYPE", "fivetran.connection.pause",
				"{\"connection_id\":\"%M\"}", Map.of("content-type", "text/plain"));
		c.binary("binary mode, data not JSON", "NOT_JSON", "fivetran.connection.pause", "connection_id=%M", Map.of());
		c.binary("binary mode, specversion 0.3", "UNSUPPORTED_SPECVERSION", "fivetran.connection.pause",
				"{\"connection_id\":\"%M\"}", Map.of("ce_specversion", "0.3"));
		c.binary("binary mode, no source", "NOT_A_CLOUDEVENT", "fivetran.connection.pause",
				"{\"connection_id\":\"%M\"}", Map.of("ce_source", ""));
		c.binary("binary mode, duplicate key in data", "NOT_JSON", "fivetran.connection.delete",
				"{\"connection_id\":\"%M\",\"connection_id\":\"y\"}", Map.of());
		c.event("duplicate key in the envelope (type)", "NOT_JSON", false, "fivetran.connection.pause",
				"{\"connection_id\":\"%M\"}",
				(e) -> e.replace("\"type\":", "\"type\":\"fivetran.connection.delete\",\"type\":"));
		c.event("duplicate key in data", "NOT_JSON", false, "fivetran.connection.delete",
				"{\"connection_id\":\"%M\",\"connection_id\":\"other\"}", (e) -> e);
		c.event("duplicate key nested in data", "NOT_JSON", false, "fivetran.connection.create",
				"{\"service\":\"postgres\",\"group_id\":\"%M\",\"config\":{\"host\":\"a\",\"host\":\"b\"}}", (e) -> e);
		c.event("path-like connection id", "SCHEMA_VIOLATION", true, "fivetran.connection.delete",
				"{\"connection_id\":\"../../v1/users\",\"note\":\"%M\"}", (e) -> e);
		c.event("control character in a connection id", "SCHEMA_VIOLATION", true, "fivetran.connection.pause",
				"{\"connection_id\":\"c\\u0000; DROP\",\"note\":\"%M\"}", (e) -> e);
		c.event("bad group id (create)", "SCHEMA_VIOLATION", true, "fivetran.connection.create",
				"{\"service\":\"postgres\",\"group_id\":\"a/%M\",\"config\":{}}", (e) -> e);
		c.event("bad group id (group status)", "SCHEMA_VIOLATION", true, "fivetran.group.status",
				"{\"group_id\":\"..\",\"note\":\"%M\"}", (e) -> e);
		c.event("bad transformation id", "SCHEMA_VIOLATION", true, "fivetran.transformation.run",
				"{\"transformation_id\":\"%M x\"}", (e) -> e);
		c.event("bad destination id (certificate)", "SCHEMA_VIOLATION", true, "fivetran.certificate.approve",
				"{\"destination_id\":\"%M%2F..\",\"hash\":\"h\",\"encoded_cert\":\"c\"}", (e) -> e);
		c.event("connection id of 65 characters", "SCHEMA_VIOLATION", true, "fivetran.connection.status",
				"{\"connection_id\":\"%M" + "x".repeat(65) + "\"}", (e) -> e);
		c.event("'.' schema name", "SCHEMA_VIOLATION", true, "fivetran.connection.schema.update",
				"{\"connection_id\":\"%M\",\"schemas\":{\".\":{\"enabled\":true}}}", (e) -> e);
		c.event("'..' table name", "SCHEMA_VIOLATION", true, "fivetran.connection.schema.update",
				"{\"connection_id\":\"%M\",\"schemas\":{\"public\":{\"tables\":{\"..\":{\"enabled\":false}}}}}",
				(e) -> e);
		c.event("'.' column name", "SCHEMA_VIOLATION", true, "fivetran.connection.schema.update",
				"{\"connection_id\":\"%M\",\"schemas\":{\"public\":{\"tables\":{\"t\":{\"columns\":"
						+ "{\".\":{\"enabled\":false}}}}}}}",
				(e) -> e);
		c.event("'..' in a tables resync scope", "SCHEMA_VIOLATION", true, "fivetran.connection.tables.resync",
				"{\"connection_id\":\"%M\",\"scope\":{\"..\":[\"orders\"]}}", (e) -> e);
		c.event("control character in a table name", "SCHEMA_VIOLATION", true, "fivetran.connection.tables.resync",
				"{\"connection_id\":\"%M\",\"scope\":{\"public\":[\"a\\nb\"]}}", (e) -> e);
		c.idEvent("newline in the id of a resync", "INVALID_ATTRIBUTE", "pc" + run + "-resync\\nsecond line",
				"fivetran.connection.resync");
		c.idEvent("NUL and SQL in the id", "INVALID_ATTRIBUTE", "c\\u0000; DROP pc" + run, "fivetran.connection.pause");
		c.idEvent("unpaired surrogate in the id", "INVALID_ATTRIBUTE", "pc" + run + "\\ud800-lone",
				"fivetran.connection.resync");
		c.idEvent("id of 300 bytes", "INVALID_ATTRIBUTE", "pc" + run + "x".repeat(300), "fivetran.connection.pause");
		c.event("source of 300 bytes", "INVALID_ATTRIBUTE", true, "fivetran.connection.pause",
				"{\"connection_id\":\"%M\"}", (e) -> e.replace("urn:test", "urn:" + "s".repeat(300)));
		c.event("control characters in source", "INVALID_ATTRIBUTE", true, "fivetran.connection.pause",
				"{\"connection_id\":\"%M\"}", (e) -> e.replace("urn:test", "urn:test\\u0000\\r\\n"));
		c.event("control character in type", "INVALID_ATTRIBUTE", true, "fivetran.connection.pause",
				"{\"connection_id\":\"%M\"}", (e) -> e.replace("connection.pause", "connection.pause\\t"));
		c.event("type of 300 bytes", "INVALID_ATTRIBUTE", true, "fivetran.connection.pause",
				"{\"connection_id\":\"%M\"}", (e) -> e.replace("connection.pause", "t".repeat(300)));
		c.event("control character in subject", "INVALID_ATTRIBUTE", true, "fivetran.connection.pause",
				"{\"connection_id\":\"%M\"}", (e) -> e.replace("\"time\"", "\"subject\":\"a\\u001bb\",\"time\""));
		c.keyed("control character in the key", "key\u0007bell", Commands.newId());
		c.keyed("key of 300 bytes", "k".repeat(300), Commands.newId());
		c.oversized("value over 1 MiB", 1 * MIB + 10, false);
		c.event("number of 65 digits", "OVERSIZED", false, "fivetran.connection.update",
				"{\"connection_id\":\"%M\",\"sync_frequency\":" + "9".repeat(65) + "}", (e) -> e);
		c.event("nesting 40 deep", "OVERSIZED", false, "fivetran.connection.create",
				"{\"service\":\"postgres\",\"group_id\":\"%M\",\"config\":" + "{\"a\":".repeat(40) + "1"
						+ "}".repeat(40) + "}",
				(e) -> e);
		c.event("property name of 1,100 characters", "OVERSIZED", false, "fivetran.connection.create",
				"{\"service\":\"postgres\",\"group_id\":\"%M\",\"config\":{\"" + "n".repeat(1100) + "\":1}}", (e) -> e);
		c.event("a mebibyte of tiny objects in an unknown field of data", "OVERSIZED", false,
				"fivetran.connection.pause", "{\"connection_id\":\"%M\",\"unknown\":[" + tinyObjects() + "]}",
				(e) -> e);
		c.event("a mebibyte of tiny objects in an unknown envelope attribute", "OVERSIZED", false,
				"fivetran.connection.pause", "{\"connection_id\":\"%M\"}",
				(e) -> e.replace("\"time\"", "\"xbomb\":[" + tinyObjects() + "],\"time\""));
		return c.poisons;
	}

	private static String tinyObjects() {
		StringBuilder tiny = new StringBuilder("{}");
		while (tiny.length() < 1_000_000) {
			tiny.append(",{}");
		}
		return tiny.toString();
	}

	private static long usedHeapAfterGc() {
		System.gc();
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A bad record: its reason, the command id a {@code REJECTED} result is expected for
	 * (or null), its key (null for the test's key) and whether it is sent gzip'ed.
	 */
	private record Poison(String name, String reason, String commandId, String key, byte[] value,
			Map<String, String> headers, boolean compressed) {

	}

	/** Where a poison landed, and the good command published after it. */
	private record Sent(Poison poison, int partition, long offset, String nextGood) {

		boolean answeredBy(Recorded letter) {
			return "fivetran.commands".equals(letter.header("kafka_dlt-original-topic"))
					&& Integer.toString(this.partition).equals(letter.header("kafka_dlt-original-partition"))
					&& Long.toString(this.offset).equals(letter.header("kafka_dlt-original-offset"));
		}

	}

	/**
	 * Builds the corpus; each poison names Fivetran resources after itself ({@code %M}).
	 */
	private static final class Corpus {

		private final List<Poison> poisons = new ArrayList<>();

		private final String run;

		Corpus(String run) {
			this.run = run;
		}

		private String marker() {
			return "pc" + this.run + "_" + this.poisons.size();
		}

		void add(String name, String reason, String commandId, byte[] value, Map<String, String> headers) {
			this.poisons.add(new Poison(name, reason, commandId, null, value, headers, false));
		}

		void structured(String name, String reason, String value) {
			add(name, reason, null, bytes(value), STRUCTURED);
		}

		/**
		 * A structured-mode command of that type and data, edited.
		 * @param idRead whether the reader gets as far as reading its id
		 */
		void event(String name, String reason, boolean idRead, String type, String data, UnaryOperator<String> edit) {
			String id = Commands.newId();
			String value = edit.apply(Commands.event(id, type, data.replace("%M", marker())));
			add(name, reason, idRead ? id : null, bytes(value), STRUCTURED);
		}

		/** A command whose id (JSON-escaped here) is refused. */
		void idEvent(String name, String reason, String jsonId, String type) {
			add(name, reason, null, bytes(Commands.event(jsonId, type, "{\"connection_id\":\"" + marker() + "\"}")),
					STRUCTURED);
		}

		void binary(String name, String reason, String type, String data, Map<String, String> overrides) {
			String id = Commands.newId();
			Map<String, String> headers = new HashMap<>(Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source",
					"urn:test", "ce_type", type, "content-type", "application/json"));
			headers.putAll(overrides);
			add(name, reason, id, bytes(data.replace("%M", marker())), headers);
		}

		/** A good command whose record key is refused. */
		void keyed(String name, String key, String id) {
			this.poisons.add(new Poison(name, "INVALID_ATTRIBUTE", id, key,
					bytes(Commands.event(id, "fivetran.connection.pause", "{\"connection_id\":\"" + marker() + "\"}")),
					STRUCTURED, false));
		}

		void oversized(String name, int size, boolean compressed) {
			String id = Commands.newId();
			String event = Commands.event(id, "fivetran.connection.pause",
					"{\"connection_id\":\"" + marker() + "\",\"note\":\"" + "a".repeat(size) + "\"}");
			Map<String, String> headers = Map.of("ce_id", id, "ce_type", "fivetran.connection.pause");
			this.poisons.add(new Poison(name, "OVERSIZED", id, null, bytes(event), headers, compressed));
		}

	}

}
