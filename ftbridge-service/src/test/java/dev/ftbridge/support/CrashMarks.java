package dev.ftbridge.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes "started" marks to the command-ledger topic as an instance that crashed after
 * calling Fivetran (and before writing the result) leaves them.
 */
public final class CrashMarks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CrashMarks() {
	}

	/**
	 * A mark for the command in the partition its key falls in.
	 * @param partitions the command topic's partition count
	 */
	public static void mark(String bootstrapServers, int partitions, String key, String commandId, String type,
			Instant startedAt) {
		int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
		// written as the bridge writes it, with a JSON writer: any id the reader
		// accepts stays one string
		String value = JSON.writeValueAsString(
				Map.of("command_id", commandId, "command_type", type, "started_at", startedAt.toString()));
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				ByteArraySerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
			producer.send(new ProducerRecord<>("fivetran.command-ledger", partition,
					(key + "/" + commandId).getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)))
				.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
