package dev.ftbridge.command;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandReader;
import dev.ftbridge.contract.IncomingRecord;
import dev.ftbridge.contract.ReadResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Where commands enter: polls the command topic on one thread and hands each record to
 * the lane of its key, so commands for one resource run in order and different resources
 * run concurrently — beyond the partition count — on the workers of their kind
 * ({@link CommandWorkers}: a command that may wait for a scarce budget never holds the
 * workers of one that needs only the request budget). Partitions pause while too much is
 * in flight. A command whose Fivetran account is unavailable waits at the head of its
 * lane ({@link AccountGate}) without pausing intake, so other accounts' commands go on.
 * Offsets are committed up to the oldest unfinished record of each partition.
 */
class CommandConsumer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CommandConsumer.class);

	private final ConsumerFactory<byte[], byte[]> consumers;

	private final String topic;

	private final CommandProperties properties;

	private final CommandReader reader;

	private final CommandProcessor processor;

	private final KeyedLanes lanes;

	private final CommandWorkers workers;

	private final PartitionShare partitionShare;

	private final AccountGate gate;

	private final LedgerLoader ledger;

	private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	private volatile boolean running;

	private volatile Consumer<byte[], byte[]> consumer;

	private Thread thread;

	private long lastCommit = System.nanoTime();

	private volatile long pauses;

	private volatile boolean paused;

	private volatile long lastPollNanos = System.nanoTime();

	CommandConsumer(ConsumerFactory<byte[], byte[]> consumers, String topic, CommandProperties properties,
			CommandReader reader, CommandProcessor processor, KeyedLanes lanes, CommandWorkers workers,
			PartitionShare partitionShare, AccountGate gate, LedgerLoader ledger) {
		this.workers = workers;
		this.ledger = ledger;
		this.gate = gate;
		this.partitionShare = partitionShare;
		this.consumers = consumers;
		this.topic = topic;
		this.properties = properties;
		this.reader = reader;
		this.processor = processor;
		this.lanes = lanes;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		this.lastPollNanos = System.nanoTime();
		this.thread = new Thread(this::run, "ftbridge-command-consumer");
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Consumer<byte[], byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		try {
			this.thread.join(this.properties.shutdownGrace().plusSeconds(10).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Starts after the partition-count check and before the Fivetran availability probe;
	 * stops after the probe (a lower phase starts earlier and stops later), so the
	 * probe's stop lets commands waiting for Fivetran go while this loop drains.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 100;
	}

	/** Whether the poll loop was started and its thread has ended (stopped or died). */
	boolean loopEnded() {
		Thread current = this.thread;
		return current != null && !current.isAlive();
	}

	/** How long ago the poll loop last went round. */
	Duration sinceLastPoll() {
		return Duration.ofNanos(System.nanoTime() - this.lastPollNanos);
	}

	/**
	 * Whether intake is paused (back-pressure, or every Fivetran account unavailable).
	 */
	boolean paused() {
		return this.paused;
	}

	/** Records read and not yet finished. */
	int inFlight() {
		return this.inFlight.get();
	}

	/** Commands held because their Fivetran account is unavailable. */
	int waitingForAccount() {
		return this.gate.waiting();
	}

	/** How often the consumer paused its partitions because too much was in flight. */
	long backpressurePauses() {
		return this.pauses;
	}

	private void run() {
		try (Consumer<byte[], byte[]> kafka = this.consumers.createConsumer()) {
			this.consumer = kafka;
			kafka.subscribe(List.of(this.topic), new Rebalance(kafka));
			pollUntilStopped(kafka);
			release(kafka, new ArrayList<>(this.progress.keySet()));
			// revoked first: what the gate held now finds its partition given up
			this.gate.openAll();
		}
		catch (RuntimeException ex) {
			log.error("Command consumer stopped", ex);
		}
		finally {
			this.consumer = null;
		}
	}

	private void pollUntilStopped(Consumer<byte[], byte[]> kafka) {
		while (this.running) {
			// A paused consumer polls too: only a loop that is stuck stops doing this.
			this.lastPollNanos = System.nanoTime();
			try {
				for (ConsumerRecord<byte[], byte[]> record : kafka.poll(this.properties.pollTimeout())) {
					dispatch(record);
				}
				applyBackpressure(kafka);
				if (System.nanoTime() - this.lastCommit >= this.properties.commitInterval().toNanos()) {
					commit(kafka, this.progress.keySet());
				}
			}
			catch (WakeupException ex) {
				// stop() woke the poll; the loop condition ends it
			}
			catch (KafkaException ex) {
				log.warn("Polling commands failed; polling again", ex);
			}
		}
	}

	private void dispatch(ConsumerRecord<byte[], byte[]> record) {
		IncomingRecord incoming = KafkaRecords.incoming(record);
		ReadResult read = this.reader.read(incoming);
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		PartitionProgress partitionProgress = this.progress.computeIfAbsent(partition,
				(ignored) -> new PartitionProgress());
		long offset = record.offset();
		partitionProgress.read(offset);
		this.inFlight.incrementAndGet();
		this.lanes.submit(laneKey(incoming, read), this.workers.of(read), () -> gate(read, partitionProgress), () -> {
			try {
				if (partitionProgress.start(offset)) {
					runStarted(partitionProgress, offset, incoming, read);
				}
			}
			finally {
				finished();
			}
		});
	}

	/** Counts a record done; wakes a paused poll as soon as there is room again. */
	private void finished() {
		int remaining = this.inFlight.decrementAndGet();
		Consumer<byte[], byte[]> current = this.consumer;
		if (this.paused && remaining == this.properties.maxInFlight() / 2 && current != null) {
			current.wakeup();
		}
	}

	private void runStarted(PartitionProgress partitionProgress, long offset, IncomingRecord incoming,
			ReadResult read) {
		boolean done = false;
		try {
			this.processor.process(incoming, read);
			done = true;
		}
		finally {
			if (done) {
				partitionProgress.finish(offset);
			}
			else {
				partitionProgress.abandon(offset);
			}
		}
	}

	/** A command waits for its account; a record that is no command goes at once. */
	private CompletableFuture<Void> gate(ReadResult read, PartitionProgress partitionProgress) {
		String account = (read instanceof ReadResult.Accepted accepted) ? accepted.command().account() : null;
		return (account != null) ? this.gate.opened(account, partitionProgress::revoked)
				: CompletableFuture.completedFuture(null);
	}

	private static String laneKey(IncomingRecord record, ReadResult read) {
		if (read instanceof ReadResult.Accepted accepted) {
			return accepted.command().key();
		}
		return (record.keyText() != null) ? record.keyText() : "partition-" + record.partition();
	}

	private void applyBackpressure(Consumer<byte[], byte[]> kafka) {
		// An unavailable account does not pause intake (its commands wait in lanes) while
		// another is available; the in-flight bound does, so a long outage of one account
		// ends up pausing everything once its waiting commands fill the bound. When every
		// account is unavailable (with one account: whenever it is) nothing could run, so
		// commands wait in Kafka, not in memory.
		int current = this.inFlight.get();
		if (this.gate.allClosed()) {
			if (!this.paused) {
				log.warn("Every Fivetran account unavailable: command intake paused");
			}
			kafka.pause(kafka.assignment());
			this.paused = true;
			return;
		}
		if (current >= this.properties.maxInFlight()) {
			if (kafka.paused().size() < kafka.assignment().size()) {
				this.pauses++;
				log.debug("{} commands in flight; pausing intake", current);
			}
			kafka.pause(kafka.assignment());
			this.paused = true;
		}
		else if (current <= this.properties.maxInFlight() / 2 && this.paused) {
			kafka.resume(kafka.paused());
			this.paused = false;
		}
	}

	private void commit(Consumer<byte[], byte[]> kafka, Collection<TopicPartition> partitions) {
		Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
		for (TopicPartition partition : partitions) {
			PartitionProgress partitionProgress = this.progress.get(partition);
			long offset = (partitionProgress != null) ? partitionProgress.committable() : -1;
			if (offset >= 0) {
				offsets.put(partition, new OffsetAndMetadata(offset));
			}
		}
		this.lastCommit = System.nanoTime();
		if (offsets.isEmpty()) {
			return;
		}
		try {
			kafka.commitSync(offsets);
			offsets.forEach((partition, offset) -> {
				PartitionProgress partitionProgress = this.progress.get(partition);
				if (partitionProgress != null) {
					partitionProgress.committed(offset.offset());
				}
			});
		}
		catch (KafkaException ex) {
			log.warn("Committing command offsets failed; they will be committed later", ex);
		}
	}

	/** Lets partitions go: no new record starts, running ones get the grace period. */
	private void release(Consumer<byte[], byte[]> kafka, Collection<TopicPartition> partitions) {
		long deadline = System.nanoTime() + this.properties.shutdownGrace().toNanos();
		partitions.stream().map(this.progress::get).filter((p) -> p != null).forEach(PartitionProgress::revoke);
		for (TopicPartition partition : partitions) {
			PartitionProgress partitionProgress = this.progress.get(partition);
			try {
				if (partitionProgress != null && !partitionProgress.awaitIdle(deadline)) {
					log.warn("Commands of {} still running after {}; their offsets stay uncommitted", partition,
							this.properties.shutdownGrace());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		commit(kafka, partitions);
		partitions.forEach(this.progress::remove);
	}

	/** Commits what is finished before a partition moves to another instance. */
	private final class Rebalance implements ConsumerRebalanceListener {

		private final Consumer<byte[], byte[]> kafka;

		Rebalance(Consumer<byte[], byte[]> kafka) {
			this.kafka = kafka;
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			release(this.kafka, partitions);
			partitions.forEach((partition) -> CommandConsumer.this.ledger.forget(partition.partition()));
		}

		/** This instance's share of the partitions is its share of Fivetran's budgets. */
		private void shareChanged(Consumer<byte[], byte[]> kafka) {
			int assigned = kafka.assignment().size();
			int total = kafka.partitionsFor(CommandConsumer.this.topic).size();
			CommandConsumer.this.partitionShare.changed(assigned, total);
		}

		@Override
		public void onPartitionsLost(Collection<TopicPartition> partitions) {
			partitions.stream()
				.map(CommandConsumer.this.progress::remove)
				.filter((p) -> p != null)
				.forEach(PartitionProgress::revoke);
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			log.info("Command partitions assigned: {}", partitions);
			// Before any record of a partition runs, learn which command ids it already
			// ran.
			CommandConsumer.this.ledger.load(partitions.stream().map(TopicPartition::partition).toList());
			shareChanged(this.kafka);
		}

	}

}
