package dev.ftbridge.command;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import dev.ftbridge.command.handlers.CommandHandler;
import dev.ftbridge.command.handlers.CommandHandlers;
import dev.ftbridge.command.handlers.Execution;
import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.ReadResult;
import dev.ftbridge.contract.Rejection;
import dev.ftbridge.fivetran.EndpointClass;
import dev.ftbridge.fivetran.FivetranRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link CommandWorkers}: which pool a command runs on, and that commands
 * waiting for a scarce budget cannot hold the workers of request-only ones.
 */
class CommandWorkersTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final CommandWorkers workers = new CommandWorkers(stubHandlers(), 2, 2);

	private final CountDownLatch setupTestBudget = new CountDownLatch(1);

	@AfterEach
	void shutDown() {
		this.setupTestBudget.countDown();
		this.workers.shutdownNow();
	}

	@Test
	void aCommandRunsOnThePoolOfTheScarceBudgetItsHandlerMayWaitFor() throws Exception {
		assertThat(threadOf(accepted(CommandType.CONNECTION_CREATE))).startsWith("ftbridge-command-setup-test-");
		assertThat(threadOf(accepted(CommandType.CONNECTION_SCHEMA_RELOAD)))
			.startsWith("ftbridge-command-source-interaction-");
		assertThat(threadOf(accepted(CommandType.USER_CREATE))).startsWith("ftbridge-command-user-creation-");
		assertThat(threadOf(accepted(CommandType.CONNECTION_PAUSE))).matches("ftbridge-command-\\d+");
	}

	@Test
	void aRecordThatIsNoCommandRunsOnTheRequestPool() throws Exception {
		ReadResult rejected = new ReadResult.Rejected(
				new Rejection(Rejection.Reason.OVERSIZED, "not a command", null, null));
		assertThat(threadOf(rejected)).matches("ftbridge-command-\\d+");
	}

	@Test
	void requestOnlyCommandsRunWhileEverySetupTestWorkerWaits() {
		KeyedLanes lanes = new KeyedLanes(this.workers.requests());
		List<String> done = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 10; i++) {
			String key = "create-" + i;
			submit(lanes, key, CommandType.CONNECTION_CREATE, () -> {
				awaitBudget();
				done.add(key);
			});
		}
		for (int i = 0; i < 5; i++) {
			String key = "pause-" + i;
			submit(lanes, key, CommandType.CONNECTION_PAUSE, () -> done.add(key));
		}
		await().atMost(TIMEOUT).until(() -> done.size() == 5);
		assertThat(done).allMatch((key) -> key.startsWith("pause-"));
		this.setupTestBudget.countDown();
		await().atMost(TIMEOUT).until(() -> done.size() == 15);
	}

	@Test
	void aKeyKeepsItsOrderAcrossPools() {
		KeyedLanes lanes = new KeyedLanes(this.workers.requests());
		List<String> ran = new CopyOnWriteArrayList<>();
		submit(lanes, "c1", CommandType.CONNECTION_CREATE, () -> {
			awaitBudget();
			ran.add("c1 create");
		});
		submit(lanes, "c1", CommandType.CONNECTION_PAUSE, () -> ran.add("c1 pause"));
		submit(lanes, "c2", CommandType.CONNECTION_PAUSE, () -> ran.add("c2 pause"));
		await().atMost(TIMEOUT).until(() -> ran.contains("c2 pause"));
		assertThat(ran).containsExactly("c2 pause");
		this.setupTestBudget.countDown();
		await().atMost(TIMEOUT).until(() -> ran.size() == 3);
		assertThat(ran).containsExactly("c2 pause", "c1 create", "c1 pause");
	}

	private void submit(KeyedLanes lanes, String key, CommandType type, Runnable task) {
		lanes.submit(key, this.workers.of(accepted(type)), () -> CompletableFuture.completedFuture(null), task);
	}

	/** A command waiting for setup-test budget, as the throttle holds its thread. */
	private void awaitBudget() {
		try {
			this.setupTestBudget.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String threadOf(ReadResult read) throws Exception {
		CompletableFuture<String> thread = new CompletableFuture<>();
		Executor executor = this.workers.of(read);
		executor.execute(() -> thread.complete(Thread.currentThread().getName()));
		return thread.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static ReadResult accepted(CommandType type) {
		return new ReadResult.Accepted(new Command("id-" + type.type(), type, "test", "key",
				JsonNodeFactory.instance.objectNode(), Instant.EPOCH));
	}

	/** One handler per type, each saying only which scarce budget it may wait for. */
	private static CommandHandlers stubHandlers() {
		List<CommandHandler> handlers = new ArrayList<>();
		for (CommandType type : CommandType.values()) {
			Optional<EndpointClass> budget = switch (type) {
				case CONNECTION_CREATE -> Optional.of(EndpointClass.SETUP_TEST);
				case CONNECTION_SCHEMA_RELOAD -> Optional.of(EndpointClass.SOURCE_INTERACTION);
				case USER_CREATE -> Optional.of(EndpointClass.USER_CREATION);
				default -> Optional.empty();
			};
			handlers.add(new StubHandler(type, budget));
		}
		return new CommandHandlers(handlers);
	}

	private record StubHandler(CommandType type, Optional<EndpointClass> scarceBudget) implements CommandHandler {

		@Override
		public List<FivetranRequest> requests() {
			return List.of();
		}

		@Override
		public Execution execute(Command command) {
			throw new UnsupportedOperationException("routing only");
		}

	}

}
