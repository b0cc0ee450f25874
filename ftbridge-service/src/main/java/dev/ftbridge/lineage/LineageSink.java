package dev.ftbridge.lineage;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;

import dev.ftbridge.contract.CloudEvents;

/**
 * Where lineage and drift leave the bridge: OpenLineage run events to the lineage topic
 * (plain OpenLineage JSON, keyed by the job) and, when configured, to an OpenLineage HTTP
 * endpoint; schema changes as CloudEvents to the status topic.
 */
class LineageSink {

	private final KafkaTemplate<byte[], byte[]> kafka;

	private final JsonMapper json;

	private final String lineageTopic;

	private final String statusTopic;

	private final String source;

	private final OpenLineageEndpoint endpoint;

	LineageSink(KafkaTemplate<byte[], byte[]> kafka, JsonMapper json, LineageProperties properties, String lineageTopic,
			String statusTopic, String source) {
		this.kafka = kafka;
		this.json = json;
		this.lineageTopic = lineageTopic;
		this.statusTopic = statusTopic;
		this.source = source;
		this.endpoint = (properties.endpoint() != null)
				? new OpenLineageEndpoint(properties.endpoint(), properties.endpointTimeout()) : null;
	}

	void runEvent(String key, JsonNode event) throws Exception {
		byte[] body = this.json.writeValueAsBytes(event);
		send(new ProducerRecord<>(this.lineageTopic, key.getBytes(StandardCharsets.UTF_8), body));
		if (this.endpoint != null) {
			this.endpoint.post(body);
		}
	}

	void schemaChanged(ConnectionSchemaChanged change) throws Exception {
		JsonNode event = CloudEvents.envelope(this.source, ConnectionSchemaChanged.TYPE, change.connectionId(),
				change.observedAt(), this.json.valueToTree(change));
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(this.statusTopic,
				change.connectionId().getBytes(StandardCharsets.UTF_8), this.json.writeValueAsBytes(event));
		record.headers().add("content-type", CloudEvents.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
		send(record);
	}

	private void send(ProducerRecord<byte[], byte[]> record) throws Exception {
		this.kafka.send(record).get(10, TimeUnit.SECONDS);
	}

}
