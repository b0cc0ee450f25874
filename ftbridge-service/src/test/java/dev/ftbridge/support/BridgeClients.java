package dev.ftbridge.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kafka clients a test uses to talk to the bridge as its users do: a command
 * publisher and recorders of the output topics. One set per broker, kept for the whole
 * test run (the Spring contexts, and so their brokers, are cached too).
 */
public final class BridgeClients {

	private static final Map<String, BridgeClients> BY_BROKER = new ConcurrentHashMap<>();

	private final Commands commands;

	private final Commands librdkafkaCommands;

	private final TopicRecorder results;

	private final TopicRecorder deadLetters;

	private final TopicRecorder statuses;

	private BridgeClients(String servers) {
		this.commands = new Commands(servers, "fivetran.commands");
		this.librdkafkaCommands = new Commands(servers, "fivetran.commands", Crc32Partitioner.class);
		this.results = new TopicRecorder(servers, "fivetran.command-results");
		this.deadLetters = new TopicRecorder(servers, "fivetran.commands-dlt");
		this.statuses = new TopicRecorder(servers, "fivetran.status");
	}

	/** The clients of a broker, created on first use. */
	public static BridgeClients of(String servers) {
		return BY_BROKER.computeIfAbsent(servers, BridgeClients::new);
	}

	/** Whether clients for this broker exist already. */
	public static boolean exist(String servers) {
		return BY_BROKER.containsKey(servers);
	}

	public Commands commands() {
		return this.commands;
	}

	/**
	 * A command publisher that partitions as librdkafka clients (kcat, confluent-kafka)
	 * do: CRC32 of the key, random without one.
	 */
	public Commands librdkafkaCommands() {
		return this.librdkafkaCommands;
	}

	public TopicRecorder results() {
		return this.results;
	}

	public TopicRecorder deadLetters() {
		return this.deadLetters;
	}

	public TopicRecorder statuses() {
		return this.statuses;
	}

}
