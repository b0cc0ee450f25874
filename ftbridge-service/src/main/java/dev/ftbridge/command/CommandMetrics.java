package dev.ftbridge.command;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.Rejection;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.ftbridge.contract.CommandResult;

/**
 * The command path's metrics: results by type and outcome, their latency, dead letters by
 * reason. Tags are closed sets (command types, outcomes, reasons), so cardinality stays
 * low.
 */
class CommandMetrics {

	private final MeterRegistry registry;

	CommandMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void result(CommandResult result) {
		String type = CommandType.of(result.commandType()).map(CommandType::type).orElse("unknown");
		Counter.builder("ftbridge.commands")
			.description("Command results, by command type and outcome")
			.tag("type", type)
			.tag("outcome", result.outcome().name())
			.register(this.registry)
			.increment();
		Timer.builder("ftbridge.command.duration")
			.description("From reading a command to knowing its outcome")
			.tag("type", type)
			.tag("outcome", result.outcome().name())
			.publishPercentileHistogram()
			.register(this.registry)
			.record(Duration.ofMillis(result.durationMs()));
	}

	/** A record delivered again whose result was already published (not a duplicate). */
	void redelivered() {
		Counter.builder("ftbridge.commands.redelivered")
			.description("Command records Kafka delivered again after a restart or rebalance, already answered")
			.register(this.registry)
			.increment();
	}

	void deadLettered(Rejection rejection) {
		Counter.builder("ftbridge.commands.dead.lettered")
			.description("Records sent to the command dead-letter topic, by reason")
			.tag("reason", rejection.reason().name())
			.register(this.registry)
			.increment();
	}

}
