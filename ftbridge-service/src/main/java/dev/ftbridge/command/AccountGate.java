package dev.ftbridge.command;

import java.time.Duration;
import java.util.Iterator;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a command whose Fivetran account is unavailable at the head of its lane, without
 * an executor thread, until the account is back (or its partition was given up). So one
 * account's outage stops only its own commands (and whatever waits behind them in their
 * lanes), while the other accounts' commands keep the executor; intake itself pauses only
 * at the in-flight bound.
 */
final class AccountGate {

	private static final Logger log = LoggerFactory.getLogger(AccountGate.class);

	private static final CompletableFuture<Void> OPEN = CompletableFuture.completedFuture(null);

	private final Predicate<String> available;

	private final Set<String> accounts;

	private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();

	private final Set<String> waitingAccounts = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService poller;

	/**
	 * @param available whether an account's calls may go out now
	 * @param accounts every configured account (for {@link #allClosed()})
	 * @param pollEvery how often waiting commands look again
	 */
	AccountGate(Predicate<String> available, Set<String> accounts, Duration pollEvery) {
		this.available = available;
		this.accounts = Set.copyOf(accounts);
		this.poller = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "ftbridge-account-gate");
			thread.setDaemon(true);
			return thread;
		});
		long millis = pollEvery.toMillis();
		this.poller.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Completes when the account is available, or {@code abandoned} says the command will
	 * not run here anyway (at once when the account is available now). Never fails.
	 */
	CompletableFuture<Void> opened(String account, BooleanSupplier abandoned) {
		if (this.available.test(account)) {
			return OPEN;
		}
		if (this.waitingAccounts.add(account)) {
			log.warn("Fivetran account '{}' unavailable: its commands wait (other accounts' commands go on)", account);
		}
		Waiter waiter = new Waiter(account, abandoned, new CompletableFuture<>());
		this.waiters.add(waiter);
		return waiter.future();
	}

	/**
	 * Whether every account is unavailable (with one account: whenever it is): then
	 * nothing could run, and commands are better left in Kafka than held in memory.
	 */
	boolean allClosed() {
		return this.accounts.stream().noneMatch(this.available);
	}

	/** Commands held now. */
	int waiting() {
		return this.waiters.size();
	}

	/** Lets every held command go (stopping: each finds its partition given up). */
	void openAll() {
		for (Iterator<Waiter> it = this.waiters.iterator(); it.hasNext();) {
			Waiter waiter = it.next();
			it.remove();
			waiter.future().complete(null);
		}
	}

	/** Stops looking; held commands go. */
	void close() {
		this.poller.shutdownNow();
		openAll();
	}

	void check() {
		for (Iterator<Waiter> it = this.waiters.iterator(); it.hasNext();) {
			Waiter waiter = it.next();
			if (this.available.test(waiter.account()) || waiter.abandoned().getAsBoolean()) {
				it.remove();
				waiter.future().complete(null);
			}
		}
		this.waitingAccounts.removeIf((account) -> {
			boolean back = this.available.test(account);
			if (back) {
				log.info("Fivetran account '{}' available again: its commands resume", account);
			}
			return back;
		});
	}

	private record Waiter(String account, BooleanSupplier abandoned, CompletableFuture<Void> future) {

	}

}
