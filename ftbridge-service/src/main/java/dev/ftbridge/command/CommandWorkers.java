package dev.ftbridge.command;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.ftbridge.command.handlers.CommandHandlers;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.ReadResult;
import dev.ftbridge.fivetran.EndpointClass;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The threads commands run on. A command that may wait for a scarce budget (setup tests,
 * source interaction, user creation: its handler's
 * {@link dev.ftbridge.command.handlers.CommandHandler#scarceBudget()}) runs on that
 * budget's own pool, every other command on the request pool. The throttle blocks the
 * thread of a call that waits for its budget, so on one shared pool a burst of creates
 * waiting for setup-test budget would hold every worker and a pause, which needs only the
 * request budget, would queue behind them for minutes. Per-key order does not depend on
 * the pool ({@link KeyedLanes} starts a key's next command when the previous one ends).
 */
class CommandWorkers {

	private final ExecutorService requests;

	private final Map<EndpointClass, ExecutorService> scarce = new EnumMap<>(EndpointClass.class);

	private final Map<CommandType, Executor> byType = new EnumMap<>(CommandType.class);

	CommandWorkers(CommandHandlers handlers, int requestConcurrency, int scarceConcurrency) {
		this.requests = pool("ftbridge-command-", requestConcurrency);
		for (CommandType type : CommandType.values()) {
			this.byType.put(type,
					handlers.of(type)
						.scarceBudget()
						.<Executor>map((budget) -> this.scarce.computeIfAbsent(budget,
								(b) -> pool("ftbridge-command-" + b.name().toLowerCase().replace('_', '-') + "-",
										scarceConcurrency)))
						.orElse(this.requests));
		}
	}

	/** Where a record runs: what is not a valid command runs on the request pool. */
	Executor of(ReadResult read) {
		if (read instanceof ReadResult.Accepted accepted) {
			return this.byType.get(accepted.command().type());
		}
		return this.requests;
	}

	/** The pool of commands that need only the request budget. */
	Executor requests() {
		return this.requests;
	}

	/** Stops every pool, interrupting running commands (they stay uncommitted). */
	void shutdownNow() {
		this.requests.shutdownNow();
		this.scarce.values().forEach(ExecutorService::shutdownNow);
	}

	private static ExecutorService pool(String prefix, int threads) {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), new CustomizableThreadFactory(prefix));
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

}
