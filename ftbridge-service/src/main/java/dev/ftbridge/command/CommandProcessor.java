package dev.ftbridge.command;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.IncomingRecord;
import dev.ftbridge.contract.ReadResult;
import dev.ftbridge.contract.Rejection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.command.handlers.AwaitTerms;
import dev.ftbridge.command.handlers.CommandHandlers;
import dev.ftbridge.command.handlers.Execution;
import dev.ftbridge.command.handlers.Results;
import dev.ftbridge.completion.PendingOperations;
import dev.ftbridge.completion.StartedMarks;
import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.events.EventPublisher;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.kafka.KafkaSendException;

/**
 * Handles one record of the command topic from start to end: reads it, executes it, and
 * publishes what happened (or dead-letters it). Returns only when every output is
 * acknowledged by the broker, so its offset may then be committed.
 */
class CommandProcessor {

	private static final Logger log = LoggerFactory.getLogger(CommandProcessor.class);

	/** The longest key a minimal answer keeps. */
	private static final int MAX_ANSWER_KEY = 1024;

	private final CommandHandlers handlers;

	private final EventPublisher events;

	private final DeadLetters deadLetters;

	private final Clock clock;

	private final Duration publishRetryBackoff;

	private final CommandMetrics metrics;

	private final PendingOperations pendingOperations;

	private final CommandLedger ledger;

	private final StartedMarks markers;

	private final AccountRoute route;

	CommandProcessor(CommandHandlers handlers, EventPublisher events, DeadLetters deadLetters, Clock clock,
			Duration publishRetryBackoff, CommandMetrics metrics, PendingOperations pendingOperations,
			CommandLedger ledger, StartedMarks markers) {
		this(handlers, events, deadLetters, clock, publishRetryBackoff, metrics, pendingOperations, ledger, markers,
				new AccountRoute());
	}

	/**
	 * @param route where the command's account is set while it runs, for the
	 * {@link FivetranCalls} its handlers call through
	 */
	CommandProcessor(CommandHandlers handlers, EventPublisher events, DeadLetters deadLetters, Clock clock,
			Duration publishRetryBackoff, CommandMetrics metrics, PendingOperations pendingOperations,
			CommandLedger ledger, StartedMarks markers, AccountRoute route) {
		this.route = route;
		this.ledger = ledger;
		this.markers = markers;
		this.metrics = metrics;
		this.pendingOperations = pendingOperations;
		this.handlers = handlers;
		this.events = events;
		this.deadLetters = deadLetters;
		this.clock = clock;
		this.publishRetryBackoff = publishRetryBackoff;
	}

	void process(IncomingRecord record, ReadResult read) {
		if (read instanceof ReadResult.Rejected rejected) {
			reject(record, rejected.rejection());
		}
		else if (read instanceof ReadResult.Accepted accepted) {
			Command command = accepted.command();
			// Every log line written while this command runs carries its identity.
			try (MDC.MDCCloseable id = MDC.putCloseable("command_id", command.id());
					MDC.MDCCloseable type = MDC.putCloseable("command_type", command.type().type());
					MDC.MDCCloseable key = MDC.putCloseable("resource", command.key());
					MDC.MDCCloseable account = MDC.putCloseable("fivetran_account", command.account())) {
				try {
					this.route.run(command.account(), () -> run(record.partition(), record.offset(), command));
				}
				catch (CommandInterrupted | KafkaSendException ex) {
					// handed back (shutdown): the record stays uncommitted
					throw ex;
				}
				catch (RuntimeException ex) {
					unexpected(record, command, ex);
				}
			}
		}
	}

	/**
	 * Runs a command once: a repeat of an id already executed gets {@code DUPLICATE}; a
	 * costly command is marked started before Fivetran is called, and one found marked
	 * but unfinished (a crash in between) is reconciled against Fivetran instead of sent
	 * again.
	 */
	private void run(int partition, long offset, Command command) {
		Instant now = this.clock.instant();
		Instant started = this.ledger.startedAt(partition, command.id());
		if (started != null) {
			log.warn("Command {} was started at {} and has no result: reconciling with Fivetran", command.id(),
					started);
			Execution execution;
			try {
				execution = this.handlers.reconcile(command, started);
			}
			catch (CommandInterrupted ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				execution = unexpectedExecution(command, now, ex);
			}
			finish(partition, offset, command, publish(partition, command, offset, execution, started), true);
			return;
		}
		String earlier = this.ledger.outcome(partition, command.id(), now);
		if (earlier != null && this.ledger.sameRecord(partition, command.id(), offset)) {
			// A mark left by a crash stays: it may be all that names this record (when
			// the
			// only result came from the pending operation). Marks older than the dedup
			// window are ignored.
			redelivered(command, earlier);
			return;
		}
		if (earlier != null) {
			duplicate(partition, offset, command, earlier);
			return;
		}
		boolean costly = this.handlers.costlyToRepeat(command);
		if (costly) {
			untilAcknowledged(() -> this.markers.started(partition, command.key(), command.id(), command.type().type(),
					now, offset));
			this.ledger.record(partition, command.id(), CommandLedger.STARTED, now, offset);
		}
		Execution execution;
		try {
			execution = this.handlers.execute(command);
		}
		catch (CommandInterrupted ex) {
			if (costly && this.handlers.of(command.type()).async()) {
				// Its one call (sync, resync or run) was not sent: the next owner runs it
				// afresh instead of reconciling it.
				removeMark(partition, command);
			}
			log.info("Command {} {} on {} handed back unfinished: {}", command.id(), command.type().type(),
					command.key(), ex.getMessage());
			throw ex;
		}
		catch (RuntimeException ex) {
			execution = unexpectedExecution(command, now, ex);
		}
		finish(partition, offset, command, publish(partition, command, offset, execution, null), costly);
	}

	/**
	 * Executing the command failed in a way nobody planned for: it ends {@code FAILED}
	 * (the stack goes to the log, not into the result).
	 */
	private Execution unexpectedExecution(Command command, Instant started, RuntimeException ex) {
		log.error("Command {} {} on {} failed unexpectedly", command.id(), command.type().type(), command.key(), ex);
		return Execution.of(Results.unexpected(command, started, ex).build(this.clock.instant()));
	}

	/**
	 * Something outside the execution failed unexpectedly (the ledger, a publish): the
	 * command still gets a {@code FAILED} result so its record is finished and commits go
	 * on.
	 */
	private void unexpected(IncomingRecord record, Command command, RuntimeException ex) {
		log.error("Command {} {} on {} failed unexpectedly", command.id(), command.type().type(), command.key(), ex);
		CommandResult result = Results.unexpected(command, this.clock.instant(), ex)
			.build(this.clock.instant())
			.withAccount(command.account());
		untilAcknowledged(() -> this.events.commandResult(command.key(), record.partition(), result, record.offset()),
				(refusal) -> this.events.commandResult(smallKey(command.key()), record.partition(),
						refused(result, refusal), record.offset()));
		this.metrics.result(result);
	}

	/**
	 * One try, with the thread's interrupt put aside: if the broker does not take it, the
	 * mark stays and the next owner reconciles the command instead.
	 */
	private void removeMark(int partition, Command command) {
		boolean interrupted = Thread.interrupted();
		try {
			this.markers.finished(partition, command.key(), command.id());
			this.ledger.unmark(partition, command.id());
		}
		catch (KafkaSendException ex) {
			log.warn("Could not remove the started mark of {}; it will be reconciled: {}", command.id(),
					ex.getMessage());
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void finish(int partition, long offset, Command command, String outcome, boolean marked) {
		this.ledger.record(partition, command.id(), outcome, this.clock.instant(), offset);
		if (marked) {
			untilAcknowledged(() -> this.markers.finished(partition, command.key(), command.id()));
		}
	}

	/**
	 * Publishes what executing the command produced; returns its first outcome. Its
	 * results, now and from its pending operation later, go to the command's partition.
	 * @param reconciledFrom when a reconciled command was first started, else null
	 */
	private String publish(int partition, Command command, long offset, Execution execution, Instant reconciledFrom) {
		for (ConnectionStatusObserved status : execution.statuses()) {
			untilAcknowledged(() -> this.events.connectionStatus(status));
		}
		if (!execution.tables().isEmpty()) {
			untilAcknowledged(() -> this.events.tablesDescribed(execution.tables()));
		}
		for (CommandResult unstamped : execution.results()) {
			CommandResult result = unstamped.withAccount(command.account());
			if (result.outcome() == Outcome.ACCEPTED) {
				// Recorded first: whoever sees ACCEPTED can count on a terminal result.
				untilAcknowledged(() -> {
					if (command.type() == CommandType.CONNECTION_AWAIT) {
						this.pendingOperations.awaiting(command.key(), partition, result, AwaitTerms.after(command),
								AwaitTerms.timeout(command));
					}
					else if (reconciledFrom != null) {
						this.pendingOperations.reconciled(command.key(), partition, result, reconciledFrom,
								cancelOnTimeout(command));
					}
					else {
						this.pendingOperations.accepted(command.key(), partition, result, cancelOnTimeout(command));
					}
				});
			}
			untilAcknowledged(() -> this.events.commandResult(command.key(), partition, result, offset),
					(refusal) -> this.events.commandResult(smallKey(command.key()), partition, refused(result, refusal),
							offset));
			this.metrics.result(result);
			log.info("Command {} {} on {}: {}", command.id(), command.type().type(), command.key(), result.outcome());
		}
		return execution.results().get(0).outcome().name();
	}

	/**
	 * Whether the command asked for its operation to be cancelled at Fivetran when it
	 * times out (only a transformation run's schema allows {@code cancel_on_timeout}).
	 */
	private static boolean cancelOnTimeout(Command command) {
		return command.data().path("cancel_on_timeout").asBoolean(false);
	}

	/**
	 * Kafka delivered this very record again (its offset was not committed before a
	 * restart or rebalance) and its result is already published: nothing to do or say.
	 */
	private void redelivered(Command command, String earlierOutcome) {
		this.metrics.redelivered();
		log.debug("Command {} {} on {} delivered again; its result ({}) is already published", command.id(),
				command.type().type(), command.key(), earlierOutcome);
	}

	/** The command id ran before within the dedup window: say so, and do nothing. */
	private void duplicate(int partition, long offset, Command command, String earlierOutcome) {
		CommandResult result = CommandResult.builder(command.id(), command.type().type(), Outcome.DUPLICATE)
			.resourceId(command.type().resourceKey(command.data()))
			.originalCommandId(command.id())
			.reason("command id already executed within the dedup window; its first outcome was " + earlierOutcome)
			.retryable(false)
			.timing(command.receivedAt(), null)
			.build(this.clock.instant())
			.withAccount(command.account());
		untilAcknowledged(() -> this.events.commandResult(command.key(), partition, result, offset),
				(refusal) -> this.events.commandResult(smallKey(command.key()), partition, refused(result, refusal),
						offset));
		this.ledger.answered(partition, command.id(), offset);
		this.metrics.result(result);
		log.info("Command {} {} on {}: DUPLICATE of an earlier {}", command.id(), command.type().type(), command.key(),
				earlierOutcome);
	}

	private void reject(IncomingRecord record, Rejection rejection) {
		untilAcknowledged(() -> this.deadLetters.deadLetter(record, rejection),
				(refusal) -> this.deadLetters.deadLetterWithoutContent(record, rejection, describe(refusal)));
		this.metrics.deadLettered(rejection);
		log.warn("Record {}-{}@{} dead-lettered: {} ({})", record.topic(), record.partition(), record.offset(),
				rejection.reason(), rejection.detail());
		if (rejection.commandId() != null) {
			CommandResult result = CommandResult
				.builder(rejection.commandId(), (rejection.commandType() != null) ? rejection.commandType() : "unknown",
						Outcome.REJECTED)
				.reason(rejection.reason() + ": " + rejection.detail())
				.retryable(false)
				.timing(this.clock.instant(), null)
				.build(this.clock.instant());
			untilAcknowledged(
					() -> this.events.commandResult(record.keyText(), record.partition(), result, record.offset()),
					(refusal) -> this.events.commandResult(smallKey(record.keyText()), record.partition(),
							refused(result, refusal), record.offset()));
			this.metrics.result(result);
		}
	}

	/**
	 * Publishes, trying again while the broker does not acknowledge: the command has been
	 * executed, so it must not be executed again just because its result was slow to
	 * land. Gives up only when the thread is interrupted (shutdown); the offset then
	 * stays uncommitted. An output the broker refuses for good is never tried again: it
	 * is dropped with an error in the log.
	 */
	private void untilAcknowledged(Runnable publish) {
		untilAcknowledged(publish, null);
	}

	/**
	 * As {@link #untilAcknowledged(Runnable)}, and when the broker refuses the output for
	 * good, publishes the minimal one {@code instead} makes from the refusal.
	 */
	private void untilAcknowledged(Runnable publish, Consumer<Throwable> instead) {
		while (true) {
			try {
				sendingErrorsAsPublishFailures(publish);
				return;
			}
			catch (KafkaSendException ex) {
				if (ex.refusedForGood()) {
					log.error("The broker refused an output for good: {} ({}); {}", ex.getMessage(),
							describe(ex.refusal()),
							(instead != null) ? "publishing a minimal one instead" : "it is dropped");
					if (instead != null) {
						untilAcknowledged(() -> instead.accept(ex.refusal()));
					}
					return;
				}
				if (Thread.currentThread().isInterrupted()) {
					throw ex;
				}
				log.warn("{}; trying again in {}", ex.getMessage(), this.publishRetryBackoff);
				try {
					Thread.sleep(this.publishRetryBackoff.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	/**
	 * The producer refuses some records before sending them (too large for
	 * {@code max.request.size}): the template then throws at once instead of failing the
	 * send's future.
	 */
	private static void sendingErrorsAsPublishFailures(Runnable publish) {
		try {
			publish.run();
		}
		catch (org.apache.kafka.common.KafkaException | org.springframework.kafka.KafkaException ex) {
			throw new KafkaSendException("could not publish: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The final answer for a command whose result the broker refused: no response, no
	 * Fivetran error text, only how it ended and why the rest could not be said. It keeps
	 * the outcome, so that the ledger still knows the command ran and never runs it
	 * again.
	 */
	private CommandResult refused(CommandResult result, Throwable refusal) {
		return CommandResult.builder(result.commandId(), result.commandType(), result.outcome())
			.reason(shortened(result.reason()) + "the full result could not be published: " + describe(refusal))
			.retryable(false)
			.timing(this.clock.instant(), null)
			.build(this.clock.instant())
			.withAccount(result.account());
	}

	/** The original reason, if any, cut short: it leads the minimal answer's reason. */
	private static String shortened(String reason) {
		if (reason == null || reason.isEmpty()) {
			return "";
		}
		return ((reason.length() > MAX_ANSWER_KEY) ? reason.substring(0, MAX_ANSWER_KEY) + "…" : reason) + "; ";
	}

	private static String describe(Throwable refusal) {
		String name = refusal.getClass().getSimpleName();
		return refusal.getMessage() != null ? name + ": " + refusal.getMessage() : name;
	}

	/**
	 * A key a minimal answer can carry: the command's own when it is an ordinary id, none
	 * when it is so large that it may be what the broker refused.
	 */
	private static String smallKey(String key) {
		return (key != null && key.length() <= MAX_ANSWER_KEY) ? key : null;
	}

}
