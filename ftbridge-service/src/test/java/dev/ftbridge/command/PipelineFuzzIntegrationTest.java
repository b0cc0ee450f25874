package dev.ftbridge.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ftbridge.BridgeIntegrationTest;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.MockFivetran;
import dev.ftbridge.support.RawRecords;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutated commands of every type ({@link CommandReaderFuzzTest}'s seeded mutator: byte
 * flips, truncation, duplicate keys, control characters, huge strings, deep nesting,
 * swapped types, path-like ids; one record in ten with no key or a bad one) published
 * through the broker into the running bridge, interleaved with valid commands. Every
 * record gets exactly one answer — one dead letter (by its original partition and offset)
 * or one result naming its offset (terminal, or {@code ACCEPTED} for an async command,
 * which then waits for a webhook) — the consumer commits to the end of the topic, and
 * Fivetran never gets a path segment that is empty, {@code .}, {@code ..} or holds a
 * control character.
 */
class PipelineFuzzIntegrationTest extends BridgeIntegrationTest {

	private static final long SEED = 20261205L;

	private static final int MUTATED = 2_000;

	/** One valid command after every this many mutated ones. */
	private static final int GOOD_EVERY = 10;

	private static final Map<String, String> STRUCTURED = Map.of("content-type", "application/cloudevents+json");

	/** The number of parts of each fan-out command seen: "partition@offset" to "of". */
	private final Map<String, Integer> partsOf = new ConcurrentHashMap<>();

	@Test
	void everyMutatedRecordIsAnsweredOnceAndTheConsumerCommitsToTheEnd() throws Exception {
		Random random = new Random(SEED);
		String run = Commands.newId().substring(0, 8);
		int requestsBefore = fivetran.requests().size();
		long started = System.nanoTime();
		List<Future<RecordMetadata>> pending = new ArrayList<>();
		long bytes = 0;
		try (RawRecords records = new RawRecords(this.broker.getBrokersAsString(), "none", 5 * 1024 * 1024)) {
			for (int i = 0; i < MUTATED; i++) {
				String key = "fuzz-" + run + "-" + random.nextInt(16);
				byte[] value = CommandReaderFuzzTest.mutated(random, "fuzz-" + run + "-" + i);
				bytes += value.length;
				pending.add(records.send(null, mutatedKey(random, key), value, STRUCTURED));
				if (i % GOOD_EVERY == 0) {
					String good = Commands.event("fuzz-" + run + "-good-" + i, "fivetran.connection.pause",
							"{\"connection_id\":\"" + key + "\"}");
					pending.add(records.send(null, key.getBytes(StandardCharsets.UTF_8),
							good.getBytes(StandardCharsets.UTF_8), STRUCTURED));
				}
			}
			records.flush();
		}
		List<RecordMetadata> sent = new ArrayList<>();
		for (Future<RecordMetadata> future : pending) {
			sent.add(future.get());
		}
		long published = System.nanoTime();

		Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> unanswered(sent) == 0);
		Map<String, Integer> answers = answers();
		Map<String, Integer> outcomes = new HashMap<>();
		for (RecordMetadata record : sent) {
			assertThat(answersTo(answers, this.partsOf, at(record.partition(), record.offset())))
				.as("answers to the record at %d@%d", record.partition(), record.offset())
				.isEqualTo(1);
		}
		for (Recorded result : results().matching((r) -> fuzzOffset(r, sent))) {
			outcomes.merge(result.dataText("outcome"), 1, Integer::sum);
		}
		int deadLetters = deadLetters().matching((r) -> fuzzOffset(r, sent)).size();
		Map<String, Integer> rejected = new HashMap<>();
		for (Recorded result : results()
			.matching((r) -> "REJECTED".equals(r.dataText("outcome")) && fuzzOffset(r, sent))) {
			rejected.merge(at(result.partition(), Long.parseLong(result.header("ftbridge_command_offset"))), 1,
					Integer::sum);
		}
		Map<String, Integer> letters = new HashMap<>();
		deadLetters().matching((r) -> fuzzOffset(r, sent))
			.forEach((letter) -> letters.merge(
					letter.header("kafka_dlt-original-partition") + "@" + letter.header("kafka_dlt-original-offset"), 1,
					Integer::sum));
		rejected.forEach((record, count) -> {
			assertThat(count).as("REJECTED results for " + record).isEqualTo(1);
			assertThat(letters).as("a REJECTED result goes with a dead letter").containsEntry(record, 1);
		});
		committedToTheEnd(sent);
		List<MockFivetran.Request> requests = fivetran.requests().subList(requestsBefore, fivetran.requests().size());
		for (MockFivetran.Request request : requests) {
			assertThat(RawRecords.badSegments(request)).as(request.method() + " " + request.path()).isEmpty();
		}
		System.out.printf(
				"Pipeline fuzz, seed %d: %d mutated + %d valid records (%d KiB) published in %d ms, all answered"
						+ " %d ms later: %d dead letters, results %s, %d Fivetran requests%n",
				SEED, MUTATED, sent.size() - MUTATED, bytes / 1024, (published - started) / 1_000_000,
				(System.nanoTime() - published) / 1_000_000, deadLetters, outcomes, requests.size());
		// the mutator leaves some commands valid: the bridge ran them, too
		assertThat(outcomes.getOrDefault("SUCCEEDED", 0)).isGreaterThan(sent.size() - MUTATED);
		assertThat(deadLetters).isGreaterThan(MUTATED / 2);
	}

	/**
	 * Mostly the key as is; sometimes none (the producer picks a partition), a control
	 * character, invalid UTF-8 (an encoded half surrogate) or 300 bytes.
	 */
	private static byte[] mutatedKey(Random random, String key) {
		return switch (random.nextInt(40)) {
			case 0 -> null;
			case 1 -> (key + "\n").getBytes(StandardCharsets.UTF_8);
			case 2 -> new byte[] { 'k', (byte) 0xED, (byte) 0xA0, (byte) 0x80 };
			case 3 -> key.repeat(20).getBytes(StandardCharsets.UTF_8);
			default -> key.getBytes(StandardCharsets.UTF_8);
		};
	}

	/** How many records have no answer yet. */
	private long unanswered(List<RecordMetadata> sent) {
		Map<String, Integer> answers = answers();
		return sent.stream()
			.filter((record) -> answersTo(answers, this.partsOf, at(record.partition(), record.offset())) == 0)
			.count();
	}

	/**
	 * Answers by "partition@offset" of the command record: dead letters, plus, per
	 * record, its terminal results, or its {@code ACCEPTED} ones where it has no terminal
	 * result (an async command waits for a webhook this test does not send). A command
	 * that fans out (a create in several groups) has one result per part: each part
	 * counts once, as "partition@offset#part".
	 */
	private Map<String, Integer> answers() {
		Map<String, Integer> answers = new HashMap<>();
		for (Recorded letter : deadLetters().records()) {
			if ("fivetran.commands".equals(letter.header("kafka_dlt-original-topic"))) {
				answers.merge(letter.header("kafka_dlt-original-partition") + "@"
						+ letter.header("kafka_dlt-original-offset"), 1, Integer::sum);
			}
		}
		Map<String, Integer> terminal = new HashMap<>();
		Map<String, Integer> accepted = new HashMap<>();
		for (Recorded result : results().records()) {
			String offset = result.header("ftbridge_command_offset");
			// a REJECTED result goes with the record's dead letter: counted there
			if (offset != null && !"REJECTED".equals(result.dataText("outcome"))) {
				boolean isAccepted = "ACCEPTED".equals(result.dataText("outcome"));
				String record = at(result.partition(), Long.parseLong(offset));
				JsonNode part = result.data().path("part");
				if (part.isObject()) {
					this.partsOf.put(record, part.path("of").asInt());
					record = record + "#" + part.path("index").asInt();
				}
				(isAccepted ? accepted : terminal).merge(record, 1, Integer::sum);
			}
		}
		accepted.forEach(terminal::putIfAbsent);
		terminal.forEach((record, count) -> answers.merge(record, count, Integer::sum));
		return answers;
	}

	/**
	 * The answers of a record: 1 for a dead letter or a result; for a fan-out command, 1
	 * when each of its parts has exactly one result.
	 */
	private static int answersTo(Map<String, Integer> answers, Map<String, Integer> partsOf, String record) {
		Integer of = partsOf.get(record);
		if (of == null) {
			return answers.getOrDefault(record, 0);
		}
		int partsAnswered = 0;
		for (int index = 0; index < of; index++) {
			int count = answers.getOrDefault(record + "#" + index, 0);
			if (count > 1) {
				return -1;
			}
			partsAnswered += count;
		}
		return answers.getOrDefault(record, 0) + ((partsAnswered == of) ? 1 : 0);
	}

	private static boolean fuzzOffset(Recorded recorded, List<RecordMetadata> sent) {
		String offset = (recorded.header("ftbridge_command_offset") != null)
				? recorded.header("ftbridge_command_offset") : recorded.header("kafka_dlt-original-offset");
		String partition = (recorded.header("kafka_dlt-original-partition") != null)
				? recorded.header("kafka_dlt-original-partition") : Integer.toString(recorded.partition());
		if (offset == null) {
			return false;
		}
		String record = partition + "@" + offset;
		return sent.stream().anyMatch((one) -> at(one.partition(), one.offset()).equals(record));
	}

	/** The bridge's group commits past every record this test published. */
	private void committedToTheEnd(List<RecordMetadata> sent) {
		Map<TopicPartition, Long> ends = new HashMap<>();
		for (RecordMetadata record : sent) {
			ends.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
		}
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("ftbridge")
					.partitionsToOffsetAndMetadata()
					.get();
				ends.forEach((partition, end) -> assertThat(committed.get(partition)).as("committed on " + partition)
					.isNotNull()
					.extracting(OffsetAndMetadata::offset)
					.satisfies((offset) -> assertThat(offset).isGreaterThanOrEqualTo(end)));
			});
		}
	}

	private static String at(int partition, long offset) {
		return partition + "@" + offset;
	}

}
