package dev.ftbridge.support;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;

/**
 * Partitions like librdkafka's default ({@code consistent_random}), the partitioner of
 * kcat and of confluent-kafka for Python, Go and .NET: CRC32 of the key bytes modulo the
 * partition count, a random partition for a record without a key. The Java client's
 * default hashes keys with murmur2 instead, so the two place most keys differently.
 */
public class Crc32Partitioner implements Partitioner {

	@Override
	public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
		int partitions = cluster.partitionsForTopic(topic).size();
		if (keyBytes == null || keyBytes.length == 0) {
			return ThreadLocalRandom.current().nextInt(partitions);
		}
		return partitionOf(keyBytes, partitions);
	}

	/** The partition librdkafka gives these key bytes in a topic of that size. */
	public static int partitionOf(byte[] keyBytes, int partitions) {
		CRC32 crc = new CRC32();
		crc.update(keyBytes);
		return (int) (crc.getValue() % partitions);
	}

	@Override
	public void configure(Map<String, ?> configs) {
	}

	@Override
	public void close() {
	}

}
