package dev.ftbridge.cli;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/** How every subcommand reaches Kafka. */
final class KafkaOptions {

	@Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
			defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
			description = "Kafka brokers, comma-separated (default: $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092).")
	String bootstrapServers;

	@Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
			description = "How long to wait for Kafka before giving up (default: ${DEFAULT-VALUE}).")
	Duration timeout;

	@Option(names = { "-X", "--kafka-property" }, paramLabel = "NAME=VALUE",
			description = "Another Kafka client property, e.g. -X security.protocol=SSL (repeatable).")
	Map<String, String> properties = new LinkedHashMap<>();

	/** The client settings every Kafka client of the CLI starts from. */
	Map<String, Object> clientConfig() {
		Map<String, Object> config = new HashMap<>(this.properties);
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis());
		config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis());
		return config;
	}

	int timeoutMillis() {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, this.timeout.toMillis()));
	}

	CliException unreachable() {
		return new CliException(CliException.KAFKA, "Kafka at " + this.bootstrapServers + " did not answer within "
				+ this.timeout.toMillis() / 1000.0 + " s; is it running, and is --bootstrap-servers right?");
	}

}
