package dev.ftbridge.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the Kafka cluster answers: readiness is DOWN while it does not, since no
 * command can be read and no result written. Shown in health as {@code kafka}.
 */
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

	private final Admin admin;

	private final Duration timeout;

	KafkaHealthIndicator(Admin admin, Duration timeout) {
		this.admin = admin;
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		try {
			Collection<Node> nodes = this.admin
				.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()))
				.nodes()
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			return Health.up().withDetail("brokers", nodes.size()).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down().withDetail("error", "interrupted").build();
		}
		catch (Exception ex) {
			return Health.down().withDetail("error", ex.getClass().getSimpleName()).build();
		}
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
