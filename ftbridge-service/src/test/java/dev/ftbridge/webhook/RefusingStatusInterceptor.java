package dev.ftbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Makes the broker refuse the status events of chosen keys: they are redirected to a
 * topic name Kafka rejects, so their sends fail as a broker refusal would.
 */
public class RefusingStatusInterceptor implements ProducerInterceptor<byte[], byte[]> {

	static final Set<String> refusedKeys = ConcurrentHashMap.newKeySet();

	static final AtomicInteger refusals = new AtomicInteger();

	@Override
	public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
		if (record.topic().equals("fivetran.status") && record.key() != null
				&& refusedKeys.contains(new String(record.key(), StandardCharsets.UTF_8))) {
			refusals.incrementAndGet();
			return new ProducerRecord<>("refused topic!", record.partition(), record.key(), record.value(),
					record.headers());
		}
		return record;
	}

	@Override
	public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
	}

	@Override
	public void close() {
	}

	@Override
	public void configure(Map<String, ?> configs) {
	}

}
