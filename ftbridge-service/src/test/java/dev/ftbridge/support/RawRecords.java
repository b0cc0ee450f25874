package dev.ftbridge.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes any bytes to the command topic and says where each record landed, so a test
 * can find the one answer to each record (a dead letter names its original partition and
 * offset; a result carries the offset of the command it answers).
 */
public final class RawRecords implements AutoCloseable {

	private static final String TOPIC = "fivetran.commands";

	private final KafkaProducer<byte[], byte[]> producer;

	/**
	 * @param compression the producer's compression type ({@code none}, {@code gzip},
	 * {@code zstd}, …)
	 * @param maxRequestBytes the largest record (uncompressed) the producer may send
	 */
	public RawRecords(String bootstrapServers, String compression, int maxRequestBytes) {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.COMPRESSION_TYPE_CONFIG, compression, ProducerConfig.LINGER_MS_CONFIG, 5,
				ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestBytes, ProducerConfig.BUFFER_MEMORY_CONFIG,
				Math.max(32 * 1024 * 1024, 2 * maxRequestBytes)));
	}

	/** Publishes without waiting; {@link Future#get()} gives where it landed. */
	public Future<RecordMetadata> send(Integer partition, byte[] key, byte[] value, Map<String, String> headers) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TOPIC, partition, key, value);
		headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
		return this.producer.send(record);
	}

	/** Publishes and waits for the broker. */
	public RecordMetadata sendAndWait(Integer partition, byte[] key, byte[] value, Map<String, String> headers) {
		try {
			return send(partition, key, value, headers).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public void flush() {
		this.producer.flush();
	}

	@Override
	public void close() {
		this.producer.close();
	}

	/**
	 * The path segments of a request, percent-decoded, that no Fivetran call should ever
	 * have: empty, {@code .}, {@code ..}, or with a control character.
	 */
	public static List<String> badSegments(MockFivetran.Request request) {
		List<String> bad = new ArrayList<>();
		String path = request.path();
		String[] segments = path.substring(path.startsWith("/") ? 1 : 0).split("/", -1);
		for (String segment : segments) {
			String decoded;
			try {
				decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				decoded = segment;
			}
			if (decoded.isEmpty() || decoded.equals(".") || decoded.equals("..")
					|| decoded.chars().anyMatch(Character::isISOControl)) {
				bad.add(path);
			}
		}
		return bad;
	}

}
