package dev.ftbridge.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Refuses to start the bridge when a topic that receives outputs in the command's own
 * partition number (results, started marks, dead letters) has fewer partitions than the
 * command topic: a command in a partition those topics lack could not be answered, and
 * its ledger could not be rebuilt. Runs before the command consumer starts, after the
 * bridge has created missing topics. A broker it cannot reach, or a command topic that
 * does not exist yet, is logged and not held against start-up.
 */
class PartitionCountCheck implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PartitionCountCheck.class);

	private final Supplier<Admin> admins;

	private final String commands;

	private final List<String> outputs;

	private final Duration timeout;

	private volatile boolean running;

	PartitionCountCheck(Supplier<Admin> admins, String commands, List<String> outputs, Duration timeout) {
		this.admins = admins;
		this.commands = commands;
		this.outputs = List.copyOf(outputs);
		this.timeout = timeout;
	}

	@Override
	public void start() {
		try (Admin admin = this.admins.get()) {
			check(admin);
		}
		catch (Unreachable ex) {
			log.warn("Could not read the partition counts of {} and its output topics: {}", this.commands,
					ex.getCause().toString());
		}
		this.running = true;
	}

	/**
	 * Throws {@link IllegalStateException} saying what is wrong when a count is short.
	 */
	void check(Admin admin) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put(this.commands, count(admin, this.commands));
		if (counts.get(this.commands) == null) {
			log.warn("Topic {} does not exist (yet): the partition counts of its output topics were not checked",
					this.commands);
			return;
		}
		this.outputs.forEach((output) -> counts.put(output, count(admin, output)));
		List<String> problems = problems(this.commands, counts);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Partition counts do not allow co-partitioning: "
					+ String.join("; ", problems) + ". Every output of a command goes to the command's own "
					+ "partition number; add partitions to those topics (kafka-topics.sh --alter --partitions "
					+ counts.get(this.commands) + ") before starting the bridge");
		}
		log.info("Partition counts checked: {}", counts);
	}

	/** What is wrong with the counts (null: the topic does not exist). */
	static List<String> problems(String commands, Map<String, Integer> counts) {
		int needed = counts.get(commands);
		List<String> problems = new ArrayList<>();
		counts.forEach((topic, count) -> {
			if (count == null) {
				problems.add(topic + " does not exist (" + commands + " has " + needed + " partitions)");
			}
			else if (count < needed) {
				problems.add(topic + " has " + count + " partitions and " + commands + " has " + needed
						+ ": commands in partitions " + count + ".." + (needed - 1) + " could not be answered");
			}
		});
		return problems;
	}

	/** The topic's partition count, null when it does not exist. */
	private Integer count(Admin admin, String topic) {
		KafkaFuture<TopicDescription> description = admin
			.describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs((int) this.timeout.toMillis()))
			.topicNameValues()
			.get(topic);
		try {
			return description.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS).partitions().size();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
				return null;
			}
			throw new Unreachable(ex);
		}
		catch (TimeoutException ex) {
			throw new Unreachable(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Unreachable(ex);
		}
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the command consumer starts. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 200;
	}

	/** The broker did not say within the timeout. */
	private static final class Unreachable extends RuntimeException {

		Unreachable(Exception cause) {
			super(cause);
		}

	}

}
