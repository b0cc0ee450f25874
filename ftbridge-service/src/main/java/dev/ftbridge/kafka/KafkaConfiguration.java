package dev.ftbridge.kafka;

import java.time.Duration;

import org.apache.kafka.clients.admin.Admin;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What every module's Kafka use shares: the cluster's health, the record size limit. */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

	/**
	 * The largest record the command and dead-letter topics take. Larger than the
	 * bridge's own command limit (1 MiB by default), so that an oversized command reaches
	 * the bridge and is answered with a {@code REJECTED} result instead of a producer
	 * error.
	 */
	public static final int MAX_RECORD_BYTES = 4 * 1024 * 1024;

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
		return new KafkaHealthIndicator(Admin.create(kafka.buildAdminProperties()), Duration.ofSeconds(3));
	}

}
