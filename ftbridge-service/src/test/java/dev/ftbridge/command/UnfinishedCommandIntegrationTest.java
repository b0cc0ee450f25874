package dev.ftbridge.command;

import dev.ftbridge.contract.CommandType;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandReader;
import dev.ftbridge.contract.CommandSchemas;
import dev.ftbridge.contract.IncomingRecord;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import dev.ftbridge.BridgeIntegrationTest;
import dev.ftbridge.command.handlers.CommandHandler;
import dev.ftbridge.command.handlers.CommandHandlers;
import dev.ftbridge.command.handlers.Execution;
import dev.ftbridge.events.EventProperties;
import dev.ftbridge.events.EventPublisher;
import dev.ftbridge.kafka.UnreadableRecords;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.completion.PendingOperations;
import dev.ftbridge.completion.StartedMarks;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.MockFivetran;
import dev.ftbridge.support.CrashMarks;
import dev.ftbridge.support.TopicRecorder;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nothing stalls, nothing is left unfinished: a command that fails in a way nobody
 * planned for still gets a result, and its partition's offsets still move on.
 */
class UnfinishedCommandIntegrationTest extends BridgeIntegrationTest {

	@Autowired
	private CommandConsumer consumer;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private EventPublisher events;

	@Autowired
	private KafkaTemplate<byte[], byte[]> bridgeKafkaTemplate;

	@Autowired
	private PendingOperations pendingOperations;

	@Autowired
	private EventProperties eventProperties;

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private ConcurrentMessageListenerContainer<byte[], byte[]> webhookListenerContainer;

	/**
	 * No Fivetran answer is known to break the bridge any more, so the failure is staged:
	 * an executor that throws, behind the bridge's own processor and publisher.
	 */
	@Test
	void anUnexpectedExceptionEndsTheCommandFailedAndTheRecordIsFinished() {
		String key = CommandFlowIntegrationTest.unique("npe");
		String id = Commands.newId();
		CommandProcessor processor = processor(new IllegalStateException("password=hunter2"));
		IncomingRecord record = record(key, id, 4242);
		processor.process(record, reader().read(record));
		Recorded result = resultOf(id);
		assertThat(result.dataText("outcome")).isEqualTo("FAILED");
		assertThat(result.dataText("reason")).startsWith("unexpected error")
			.contains("IllegalStateException")
			.doesNotContain("hunter2");
		assertThat(result.data().path("retryable").asBoolean(true)).isFalse();
		assertThat(result.header(EventPublisher.COMMAND_OFFSET_HEADER)).isEqualTo("4242");
	}

	@Test
	void aCommandInterruptedAtShutdownIsStillHandedBackUnfinished() {
		String key = CommandFlowIntegrationTest.unique("handback");
		IncomingRecord record = record(key, Commands.newId(), 4243);
		CommandProcessor processor = processor(new CommandInterrupted("stopping", null));
		assertThatThrownBy(() -> processor.process(record, reader().read(record)))
			.isInstanceOf(CommandInterrupted.class);
	}

	private CommandProcessor processor(RuntimeException failure) {
		CommandHandlers failing = new CommandHandlers(
				Arrays.stream(CommandType.values()).map((type) -> failing(type, failure)).toList());
		return new CommandProcessor(failing, this.events,
				new KafkaDeadLetters(this.bridgeKafkaTemplate, "fivetran.commands-dlt", Duration.ofSeconds(5)),
				Clock.systemUTC(), Duration.ofMillis(100), new CommandMetrics(this.meters), this.pendingOperations,
				new CommandLedger(Duration.ofHours(1)),
				new StartedMarks(this.bridgeKafkaTemplate, "fivetran.command-ledger", Duration.ofSeconds(5)));
	}

	private static CommandHandler failing(CommandType type, RuntimeException failure) {
		return new CommandHandler() {

			@Override
			public CommandType type() {
				return type;
			}

			@Override
			public List<FivetranRequest> requests() {
				return List.of();
			}

			@Override
			public Execution execute(Command command) {
				throw failure;
			}

		};
	}

	private CommandReader reader() {
		return new CommandReader(new CommandSchemas(), 1024 * 1024, Clock.systemUTC());
	}

	private static IncomingRecord record(String key, String id, long offset) {
		ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("fivetran.commands", 0, offset,
				key.getBytes(StandardCharsets.UTF_8),
				Commands.event(id, "fivetran.connection.pause", "{\"connection_id\":\"" + key + "\"}")
					.getBytes(StandardCharsets.UTF_8));
		record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
		return KafkaRecords.incoming(record);
	}

	@Test
	void recordsTheLedgerCannotReadAreSkippedAndCountedAndTheRestStillLoads() throws Exception {
		String connection = CommandFlowIntegrationTest.unique("nl");
		String uuid = Commands.newId();
		// A newline in an id is refused by the reader now; a quote and a backslash are
		// not,
		// and once broke the hand-built JSON of the mark just the same.
		String newlineId = "line\nbreak-" + uuid;
		commands().send(connection, "line\\nbreak-" + uuid, "fivetran.connection.resync",
				"{\"connection_id\":\"" + connection + "\"}");
		Recorded refused = deadLetters()
			.await((r) -> r.value() != null && new String(r.value(), StandardCharsets.UTF_8).contains(uuid), 1, WAIT)
			.get(0);
		assertThat(refused.header("ftbridge_dlt_reason")).isEqualTo("INVALID_ATTRIBUTE");
		assertThat(results().matching((r) -> newlineId.equals(r.dataText("command_id")))).isEmpty();
		String quotedId = "q\"uote\\-" + uuid;
		commands().send(connection, "q\\\"uote\\\\-" + uuid, "fivetran.connection.resync",
				"{\"connection_id\":\"" + connection + "\"}");
		assertThat(resultOf(quotedId).dataText("outcome")).isEqualTo("ACCEPTED");
		try (TopicRecorder ledger = new TopicRecorder(this.broker.getBrokersAsString(), "fivetran.command-ledger")) {
			Recorded mark = ledger
				.await((r) -> (connection + "/" + quotedId).equals(r.key()) && r.value() != null, 1, WAIT)
				.get(0);
			assertThat(mark.json()).as("the mark is JSON").isNotNull();
			assertThat(mark.json().path("command_id").asString()).isEqualTo(quotedId);
		}
		int partition = Utils.toPositive(Utils.murmur2(connection.getBytes(StandardCharsets.UTF_8))) % 3;
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
						ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
						ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
			byte[] key = connection.getBytes(StandardCharsets.UTF_8);
			byte[] garbage = "{\"command_id\":\"x\",\"started_at\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8);
			producer.send(new ProducerRecord<>("fivetran.command-ledger", partition, key, garbage)).get();
			producer
				.send(new ProducerRecord<>("fivetran.command-results", partition, key,
						"not json {".getBytes(StandardCharsets.UTF_8)))
				.get();
			producer.send(new ProducerRecord<>("fivetran.command-results", partition, key, null)).get();
		}
		String crashed = Commands.newId();
		CrashMarks.mark(this.broker.getBrokersAsString(), 3, connection, crashed, "fivetran.connection.resync",
				Instant.now().minusSeconds(60));
		double skippedBefore = skipped("fivetran.command-ledger") + skipped("fivetran.command-results");
		this.consumer.stop();
		this.consumer.start();

		commands().send(connection, crashed, "fivetran.connection.resync",
				"{\"connection_id\":\"" + connection + "\"}");
		assertThat(resultOf(crashed).dataText("reason")).as("the mark after the unreadable ones was loaded")
			.contains("reconciled after a restart");
		commands().send(connection, "q\\\"uote\\\\-" + uuid, "fivetran.connection.resync",
				"{\"connection_id\":\"" + connection + "\"}");
		assertThat(resultsOf(quotedId, 2).get(1).dataText("outcome")).as("the results were loaded")
			.isEqualTo("DUPLICATE");
		assertThat(skipped("fivetran.command-ledger")).isGreaterThanOrEqualTo(1);
		assertThat(skipped("fivetran.command-ledger") + skipped("fivetran.command-results"))
			.isGreaterThanOrEqualTo(skippedBefore + 2);
	}

	private double skipped(String topic) {
		Counter counter = this.meters.find(UnreadableRecords.METER).tag("topic", topic).counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void aPendingOperationRecordThatCannotBeReadIsSkippedAndCountedWhenItsPartitionIsLoaded() throws Exception {
		double before = skipped("fivetran.pending-operations");
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
						ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
						ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
			producer.send(new ProducerRecord<>("fivetran.pending-operations", 0,
					"garbage/x".getBytes(StandardCharsets.UTF_8), "{not an operation".getBytes(StandardCharsets.UTF_8)))
				.get();
		}
		this.webhookListenerContainer.stop();
		this.webhookListenerContainer.start();
		Awaitility.await()
			.atMost(WAIT)
			.untilAsserted(() -> assertThat(skipped("fivetran.pending-operations")).isGreaterThan(before));
		String id = Commands.newId();
		String connection = CommandFlowIntegrationTest.unique("afterload");
		commands().send(connection, id, "fivetran.connection.sync", "{\"connection_id\":\"" + connection + "\"}");
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("ACCEPTED");
	}

	@Test
	void aResultTheBrokerCannotTakeBecomesAMinimalResultThatStillCountsAsRun() throws Exception {
		String connection = CommandFlowIntegrationTest.unique("bigresult");
		// Fivetran's answer is copied into the result: 1.2 MB is more than the result
		// topic takes.
		String big = "x".repeat(1200 * 1024);
		fivetran.when((r) -> r.method().equals("PATCH") && r.path().equals("/v1/connections/" + connection),
				(r) -> MockFivetran.Response.json(200,
						"{\"code\":\"Success\",\"data\":{\"id\":\"" + connection + "\",\"note\":\"" + big + "\"}}"));
		String id = Commands.newId();
		commands().send(connection, id, "fivetran.connection.pause", "{\"connection_id\":\"" + connection + "\"}");
		Recorded result = resultOf(id);
		assertThat(result.dataText("outcome")).as("the command ran: its outcome is kept").isEqualTo("SUCCEEDED");
		assertThat(result.dataText("reason")).contains("RecordTooLargeException");
		assertThat(result.key()).isEqualTo(connection);
		assertThat(result.data().has("response")).as("the offending value is left out").isFalse();
		assertCommittedPast(result.partition(), Long.parseLong(result.header(EventPublisher.COMMAND_OFFSET_HEADER)));

		// The minimal result is in the ledger: published again, the command is not run
		// again.
		commands().send(connection, id, "fivetran.connection.pause", "{\"connection_id\":\"" + connection + "\"}");
		assertThat(resultsOf(id, 2).get(1).dataText("outcome")).isEqualTo("DUPLICATE");
		assertThat(fivetran.requests("PATCH", "/v1/connections/" + connection)).hasSize(1);
	}

	@Test
	void aRecordKeyTooLargeToRepeatIsRejectedWithAKeylessResult() throws Exception {
		String connection = CommandFlowIntegrationTest.unique("bigkey");
		String key = connection + "x".repeat(1200 * 1024);
		String id = Commands.newId();
		commands().send(key, id, "fivetran.connection.pause", "{\"connection_id\":\"" + connection + "\"}");
		Recorded result = resultOf(id);
		assertThat(result.dataText("outcome")).isEqualTo("REJECTED");
		assertThat(result.dataText("reason")).startsWith("INVALID_ATTRIBUTE");
		assertThat(result.key()).as("the offending key is left out").isNull();
		assertThat(fivetran.requests("PATCH", "/v1/connections/" + connection)).isEmpty();
		assertCommittedPast(result.partition(), Long.parseLong(result.header(EventPublisher.COMMAND_OFFSET_HEADER)));
	}

	@Test
	void aDeadLetterTheBrokerCannotTakeIsWrittenWithoutTheRecord() throws Exception {
		String key = CommandFlowIntegrationTest.unique("zipped");
		String id = Commands.newId();
		// 10 MiB that compress to a few KB: the command topic takes it, its copy does not
		// fit.
		byte[] value = Commands
			.event(id, "fivetran.connection.pause",
					"{\"connection_id\":\"" + key + "\",\"note\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
						ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
						ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
						ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip", ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
						12 * 1024 * 1024, ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024))) {
			ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("fivetran.commands",
					key.getBytes(StandardCharsets.UTF_8), value);
			record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
			record.headers().add("ce_type", "fivetran.connection.pause".getBytes(StandardCharsets.UTF_8));
			producer.send(record).get();
		}
		Recorded rejected = resultOf(id);
		assertThat(rejected.dataText("outcome")).isEqualTo("REJECTED");
		assertThat(rejected.dataText("reason")).startsWith("OVERSIZED");
		Recorded letter = deadLetters()
			.await((r) -> r.header("ftbridge_dlt_omitted") != null
					&& String.valueOf(rejected.partition()).equals(r.header("kafka_dlt-original-partition"))
					&& r.header("ftbridge_dlt_detail") != null && r.header("ftbridge_dlt_detail").contains("10485"), 1,
					WAIT)
			.get(0);
		assertThat(letter.value()).isNull();
		assertThat(letter.key()).isNull();
		assertThat(letter.header("ftbridge_dlt_reason")).isEqualTo("OVERSIZED");
		assertThat(letter.header("ftbridge_dlt_omitted")).contains("RecordTooLargeException");
		assertCommittedPast(rejected.partition(), Long.parseLong(letter.header("kafka_dlt-original-offset")));
	}

	@Test
	void aCommandFromAnAbortedTransactionNeverRuns() throws Exception {
		String connection = CommandFlowIntegrationTest.unique("aborted");
		String aborted = Commands.newId();
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
						ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
						ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
						ProducerConfig.TRANSACTIONAL_ID_CONFIG, "upstream-" + connection))) {
			producer.initTransactions();
			producer.beginTransaction();
			ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("fivetran.commands",
					connection.getBytes(StandardCharsets.UTF_8),
					Commands.event(aborted, "fivetran.connection.pause", "{\"connection_id\":\"" + connection + "\"}")
						.getBytes(StandardCharsets.UTF_8));
			record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
			producer.send(record).get();
			producer.flush();
			producer.abortTransaction();
		}
		String committed = Commands.newId();
		commands().send(connection, committed, "fivetran.connection.resume",
				"{\"connection_id\":\"" + connection + "\"}");
		assertThat(resultOf(committed).dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(results().matching((r) -> aborted.equals(r.dataText("command_id")))).as("no result").isEmpty();
		assertThat(fivetran.requests("PATCH", "/v1/connections/" + connection)).as("Fivetran called once (resume)")
			.hasSize(1)
			.allSatisfy((request) -> assertThat(request.body()).contains("\"paused\":false"));
	}

	@Test
	void theBridgesProducerGivesUpBeforeItsSendTimeout() {
		ProducerConfig effective = new ProducerConfig(
				this.bridgeKafkaTemplate.getProducerFactory().getConfigurationProperties());
		long sendTimeout = this.eventProperties.sendTimeout().toMillis();
		assertThat(effective.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isLessThan((int) sendTimeout);
		assertThat(effective.getInt(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)
				+ effective.getLong(ProducerConfig.LINGER_MS_CONFIG))
			.isLessThanOrEqualTo((long) effective.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
	}

	@Test
	void livenessIsDownWhileTheCommandLoopIsNotRunning() throws Exception {
		assertThat(liveness().statusCode()).isEqualTo(200);
		this.consumer.stop();
		try {
			HttpResponse<String> down = liveness();
			assertThat(down.statusCode()).isEqualTo(503);
			assertThat(json(down.body()).path("status").asString()).isEqualTo("DOWN");
			assertThat(json(down.body()).path("components").path("commandLoop").path("status").asString())
				.isEqualTo("DOWN");
		}
		finally {
			this.consumer.start();
		}
		Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(liveness().statusCode()).isEqualTo(200));
		assertThat(json(liveness().body()).path("components").path("commandLoop").path("status").asString())
			.isEqualTo("UP");
	}

	private HttpResponse<String> liveness() throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/health/liveness"))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void assertCommittedPast(int commandPartition, long offset) throws Exception {
		TopicPartition partition = new TopicPartition("fivetran.commands", commandPartition);
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			Awaitility.await().atMost(WAIT).untilAsserted(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("ftbridge")
					.partitionsToOffsetAndMetadata()
					.get();
				assertThat(committed.get(partition)).isNotNull();
				assertThat(committed.get(partition).offset()).as("committed past offset %d", offset)
					.isGreaterThan(offset);
			});
		}
	}

}
