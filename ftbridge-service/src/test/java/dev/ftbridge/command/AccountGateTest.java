package dev.ftbridge.command;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link AccountGate} with {@link KeyedLanes}: a command of an unavailable account waits
 * at the head of its lane without a thread, in order, while other accounts' commands run;
 * it goes when the account is back, or when its partition is given up.
 */
class AccountGateTest {

	private final Set<String> down = ConcurrentHashMap.newKeySet();

	private final AccountGate gate = new AccountGate((account) -> !this.down.contains(account), Set.of("default", "eu"),
			Duration.ofMillis(20));

	// one thread: a waiting command holding it would stop every other account
	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	private final KeyedLanes lanes = new KeyedLanes(this.executor);

	@AfterEach
	void shutDown() throws InterruptedException {
		this.gate.close();
		this.executor.shutdownNow();
		assertThat(this.executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void intakeIsLeftInKafkaOnlyWhenEveryAccountIsUnavailable() {
		AccountGate two = new AccountGate((account) -> !this.down.contains(account), Set.of("default", "eu"),
				Duration.ofMillis(20));
		AccountGate one = new AccountGate((account) -> !this.down.contains(account), Set.of("default"),
				Duration.ofMillis(20));
		try {
			assertThat(two.allClosed()).isFalse();
			this.down.add("eu");
			assertThat(two.allClosed()).as("default still answers").isFalse();
			assertThat(one.allClosed()).isFalse();
			this.down.add("default");
			assertThat(two.allClosed()).isTrue();
			// a single account: its outage leaves commands in Kafka, as before accounts
			assertThat(one.allClosed()).isTrue();
		}
		finally {
			two.close();
			one.close();
		}
	}

	@Test
	void anUnavailableAccountsCommandsWaitInOrderWithoutAThreadWhileOthersRun() {
		this.down.add("eu");
		List<String> ran = new CopyOnWriteArrayList<>();
		this.lanes.submit("c1", () -> this.gate.opened("eu", () -> false), () -> ran.add("eu-1"));
		this.lanes.submit("c1", () -> this.gate.opened("default", () -> false), () -> ran.add("default-behind-eu"));
		for (int i = 0; i < 5; i++) {
			String name = "default-" + i;
			this.lanes.submit("c" + (i + 2), () -> this.gate.opened("default", () -> false), () -> ran.add(name));
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 5);
		assertThat(ran).allMatch((name) -> name.startsWith("default-") && !name.equals("default-behind-eu"));
		assertThat(this.gate.waiting()).isEqualTo(1);
		this.down.remove("eu");
		await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 7);
		assertThat(ran.subList(5, 7)).as("the lane keeps its order").containsExactly("eu-1", "default-behind-eu");
		assertThat(this.gate.waiting()).isZero();
	}

	@Test
	void aWaitingCommandGoesWhenItsPartitionIsGivenUp() {
		this.down.add("eu");
		AtomicBoolean revoked = new AtomicBoolean();
		CompletableFuture<Void> opened = this.gate.opened("eu", revoked::get);
		assertThat(opened).isNotDone();
		revoked.set(true);
		await().atMost(Duration.ofSeconds(5)).until(opened::isDone);
	}

	@Test
	void anAvailableAccountDoesNotWait() {
		assertThat(this.gate.opened("default", () -> false)).isDone();
		assertThat(this.gate.waiting()).isZero();
	}

	@Test
	void openAllLetsEveryWaitingCommandGo() {
		this.down.add("eu");
		CompletableFuture<Void> first = this.gate.opened("eu", () -> false);
		CompletableFuture<Void> second = this.gate.opened("eu", () -> false);
		this.gate.openAll();
		assertThat(first).isDone();
		assertThat(second).isDone();
	}

}
