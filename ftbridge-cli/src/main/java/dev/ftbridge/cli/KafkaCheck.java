package dev.ftbridge.cli;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;

/**
 * Checks, within the {@code --timeout}, that Kafka answers and has the topics, before
 * anything is sent or read: a clear message instead of a client retrying for a minute.
 */
final class KafkaCheck {

	private KafkaCheck() {
	}

	static void requireTopics(KafkaOptions kafka, List<String> topics) {
		Admin admin;
		try {
			admin = Admin.create(kafka.clientConfig());
		}
		catch (KafkaException ex) {
			throw new CliException(CliException.KAFKA,
					"cannot use Kafka at '" + kafka.bootstrapServers + "': " + rootCause(ex).getMessage());
		}
		try {
			Set<String> existing = admin.listTopics().names().get(kafka.timeoutMillis(), TimeUnit.MILLISECONDS);
			List<String> missing = topics.stream().filter((topic) -> !existing.contains(topic)).toList();
			if (!missing.isEmpty()) {
				throw new CliException(CliException.KAFKA,
						"Kafka at " + kafka.bootstrapServers + " has no topic " + String.join(", ", missing)
								+ " (the bridge creates its topics when it starts; or run topics/create-topics.sh)");
			}
		}
		catch (TimeoutException ex) {
			throw kafka.unreachable();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
				throw kafka.unreachable();
			}
			throw new CliException(CliException.KAFKA,
					"Kafka at " + kafka.bootstrapServers + " refused: " + ex.getCause().getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw kafka.unreachable();
		}
		finally {
			admin.close(Duration.ZERO);
		}
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
