package dev.ftbridge.command;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandReader;
import dev.ftbridge.contract.CommandSchemas;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.config.TopicConfig;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;

import dev.ftbridge.command.handlers.CommandHandler;
import dev.ftbridge.command.handlers.CommandHandlers;
import dev.ftbridge.command.handlers.HandlerContext;
import dev.ftbridge.completion.PendingOperations;
import dev.ftbridge.completion.StartedMarks;
import dev.ftbridge.command.handlers.NamedConnections;
import dev.ftbridge.events.EventProperties;
import dev.ftbridge.events.EventPublisher;
import dev.ftbridge.fivetran.FivetranAccounts;
import dev.ftbridge.fivetran.FivetranProperties;
import dev.ftbridge.kafka.ConsumerSettings;
import dev.ftbridge.kafka.KafkaConfiguration;
import dev.ftbridge.kafka.TopicProperties;

/** Wires the command path: consumer → reader → lanes → executor → publisher. */
@Configuration(proxyBeanMethods = false)
class CommandConfiguration {

	@Bean
	CommandConsumer commandConsumer(KafkaProperties kafka, TopicProperties topics, CommandProperties properties,
			JsonMapper json, CommandHandlers handlers, EventPublisher events,
			KafkaTemplate<byte[], byte[]> bridgeKafkaTemplate, EventProperties eventProperties,
			CommandWorkers commandWorkers, MeterRegistry meterRegistry, FivetranAccounts accounts,
			AccountGate accountGate, AccountRoute accountRoute, PendingOperations pendingOperations,
			StartedMarks startedMarks, Clock clock) {
		CommandLedger ledger = new CommandLedger(properties.dedupWindow());
		CommandReader reader = new CommandReader(new CommandSchemas(), properties.maxCommandBytes(), clock,
				accounts::contains);
		DeadLetters deadLetters = new KafkaDeadLetters(bridgeKafkaTemplate, topics.commandsDlt(),
				eventProperties.sendTimeout());
		CommandProcessor processor = new CommandProcessor(handlers, events, deadLetters, clock,
				properties.publishRetryBackoff(), new CommandMetrics(meterRegistry), pendingOperations, ledger,
				startedMarks, accountRoute);
		DefaultKafkaConsumerFactory<byte[], byte[]> consumers = consumerFactory(kafka, properties);
		consumers.addListener(new MicrometerConsumerListener<>(meterRegistry));
		CommandConsumer consumer = new CommandConsumer(consumers, topics.commands(), properties, reader, processor,
				new KeyedLanes(commandWorkers.requests()), commandWorkers, accounts::share, accountGate,
				new LedgerLoader(consumers, topics.commandResults(), topics.commandLedger(), ledger, json, clock));
		Gauge.builder("ftbridge.commands.intake.paused", consumer, (c) -> c.paused() ? 1 : 0)
			.description("1 while command intake is paused (back-pressure, or every Fivetran account unavailable)")
			.register(meterRegistry);
		Gauge.builder("ftbridge.commands.waiting.account", consumer::waitingForAccount)
			.description("Commands waiting in their lanes because their Fivetran account is unavailable")
			.register(meterRegistry);
		Gauge.builder("ftbridge.commands.in.flight", consumer::inFlight)
			.description("Command records read and not yet finished")
			.register(meterRegistry);
		return consumer;
	}

	/**
	 * Every command type's handler (each a bean of {@code handlers/}), checked complete.
	 */
	@Bean
	CommandHandlers commandHandlers(List<CommandHandler> handlers, NamedConnections names) {
		return new CommandHandlers(handlers, names);
	}

	/**
	 * What the handlers are built with: Fivetran (each call through the running command's
	 * account), riding out outages, and the clock.
	 */
	@Bean
	HandlerContext handlerContext(FivetranAccounts accounts, AccountRoute accountRoute,
			FivetranProperties fivetranProperties, Clock clock) {
		return new HandlerContext(new FivetranCalls(accounts, accountRoute), clock, fivetranProperties.pageSize());
	}

	/** Which account the command running on a thread calls. */
	@Bean
	AccountRoute commandAccountRoute() {
		return new AccountRoute();
	}

	/** Holds commands whose account is unavailable, without a thread. */
	@Bean(destroyMethod = "close")
	AccountGate commandAccountGate(FivetranAccounts accounts) {
		return new AccountGate(accounts::available, accounts.names(), Duration.ofMillis(200));
	}

	/** The command topic, and the dead-letter topic only the command path writes. */
	@Bean
	KafkaAdmin.NewTopics commandTopics(TopicProperties topics) {
		String maxBytes = Integer.toString(KafkaConfiguration.MAX_RECORD_BYTES);
		return topics.declare(
				topics.builder(topics.commands()).config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes).build(),
				topics.builder(topics.commandsDlt()).config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes).build());
	}

	@Bean
	PartitionCountCheck partitionCountCheck(KafkaProperties kafka, TopicProperties topics) {
		return new PartitionCountCheck(() -> Admin.create(kafka.buildAdminProperties()), topics.commands(),
				List.of(topics.commandResults(), topics.commandLedger(), topics.commandsDlt()), Duration.ofSeconds(10));
	}

	/** In the liveness group: the command poll loop is alive and polls. */
	@Bean
	CommandLoopHealth commandLoopHealthIndicator(CommandConsumer commandConsumer, CommandProperties properties) {
		return new CommandLoopHealth(commandConsumer, properties.pollTimeout());
	}

	/**
	 * The command threads: one pool for commands that need only the request budget, one
	 * per scarce budget for those that may wait for it.
	 */
	@Bean(destroyMethod = "shutdownNow")
	CommandWorkers commandWorkers(CommandHandlers handlers, CommandProperties properties) {
		return new CommandWorkers(handlers, properties.maxConcurrency(), properties.scarceConcurrency());
	}

	static int maxPollRecords(CommandProperties properties) {
		return Math.max(1, Math.min(500, properties.maxInFlight() / 2));
	}

	private static DefaultKafkaConsumerFactory<byte[], byte[]> consumerFactory(KafkaProperties kafka,
			CommandProperties properties) {
		// Offsets are committed by the consumer, only up to the oldest unfinished
		// command.
		return ConsumerSettings.of(kafka)
			.group(properties.groupId())
			// One poll never brings more than half the in-flight bound, so memory stays
			// bounded.
			.set(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords(properties))
			// Commands published while no bridge ran are still executed.
			.setIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
			// When a replica dies (or joins) only the partitions that change owner move:
			// the others keep running theirs, and keep their ledgers, through the
			// rebalance, so a survivor loads the dead replica's partitions only
			// (application.yml has the session timeout that notices the death).
			.set(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName())
			.factory();
	}

}
