package dev.ftbridge.fivetran;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Spends Fivetran's rate budgets so that the account never hits a limit. A call takes a
 * permit from every budget it counts against, or waits until each has one. Commands go
 * first: background work only uses what is left above a reserve, and never while a
 * command waits. A 429 pauses every call until its {@code Retry-After}; a low
 * {@code X-Rate-Limit-Remaining} spaces calls out before Fivetran says no.
 *
 * <p>
 * Written by hand rather than with Resilience4j's RateLimiter: Fivetran counts in rolling
 * windows (an hour and a minute at once, several budgets per call), while Resilience4j
 * refreshes a fixed number of permits per period and takes one limiter at a time, which
 * would either waste budget or overrun a window.
 */
public class Throttle {

	/** Who is asking. */
	public enum Priority {

		/** Executing a command. */
		COMMAND,

		/** Status polling and other work no one waits for. */
		BACKGROUND

	}

	private final LimitProperties limits;

	private final LongSupplier clock;

	private final Map<EndpointClass, List<RollingBudget>> budgetsByClass = new EnumMap<>(EndpointClass.class);

	private final Map<String, RollingBudget> budgets = new LinkedHashMap<>();

	private final RollingBudget requests;

	private long pausedUntil;

	private Integer serverRemaining;

	private long lastRequestGrant;

	private int commandsWaiting;

	private double share = 1.0;

	/** Recent time from sending a quick call to its answer (moving average, ms). */
	private double deliveryMillis;

	Throttle(LimitProperties limits, LongSupplier clock) {
		this.limits = limits;
		this.clock = clock;
		LimitProperties.Preset preset = limits.preset();
		long minute = limits.minuteMillis();
		long hour = limits.hourMillis();
		this.requests = add("requests_per_hour", limits.budget(limits.requestsPerHour(), preset.requestsPerHour), hour,
				EndpointClass.REQUEST);
		add("setup_tests_per_minute", limits.budget(limits.setupTestsPerMinute(), preset.setupTestsPerMinute), minute,
				EndpointClass.SETUP_TEST);
		add("setup_tests_per_hour", limits.budget(limits.setupTestsPerHour(), preset.setupTestsPerHour), hour,
				EndpointClass.SETUP_TEST);
		add("source_interactions_per_minute",
				limits.budget(limits.sourceInteractionsPerMinute(), preset.sourcePerMinute), minute,
				EndpointClass.SOURCE_INTERACTION);
		add("source_interactions_per_hour", limits.budget(limits.sourceInteractionsPerHour(), preset.sourcePerHour),
				hour, EndpointClass.SOURCE_INTERACTION);
		add("user_creations_per_hour", limits.budget(limits.userCreationsPerHour(), preset.usersPerHour), hour,
				EndpointClass.USER_CREATION);
	}

	private RollingBudget add(String name, int limit, long windowMillis, EndpointClass endpointClass) {
		if (limit <= 0) {
			return null;
		}
		RollingBudget budget = new RollingBudget(limit, windowMillis);
		this.budgets.put(name, budget);
		this.budgetsByClass.computeIfAbsent(endpointClass, (c) -> new ArrayList<>()).add(budget);
		return budget;
	}

	/**
	 * Waits until the call may be sent, and takes its permits. Hand the permit back to
	 * {@link #answered} when the answer arrives.
	 */
	public Permit acquire(Set<EndpointClass> classes, Priority priority) throws InterruptedException {
		long start = this.clock.getAsLong();
		synchronized (this) {
			if (priority == Priority.COMMAND) {
				this.commandsWaiting++;
			}
			try {
				long wait;
				while ((wait = tryAcquire(classes, priority)) > 0) {
					wait(Math.min(wait, 1000));
				}
				return new Permit(classes, this.lastRequestGrant, Duration.ofMillis(this.lastRequestGrant - start));
			}
			finally {
				if (priority == Priority.COMMAND) {
					this.commandsWaiting--;
					notifyAll();
				}
			}
		}
	}

	/**
	 * The call's answer arrived. Fivetran counted the call when it received it: somewhere
	 * between sending and answering. For a quick call the answer's time is used; for a
	 * slow one (a setup test runs for seconds on Fivetran's side) the sending time plus
	 * the recent delivery time of quick calls, so the permit neither frees before
	 * Fivetran's nor is held for the whole setup test.
	 */
	public synchronized void answered(Permit permit) {
		long now = this.clock.getAsLong();
		long took = Math.max(0, now - permit.takenAt());
		boolean quick = !permit.classes().contains(EndpointClass.SETUP_TEST)
				&& !permit.classes().contains(EndpointClass.SOURCE_INTERACTION);
		if (quick) {
			this.deliveryMillis = (this.deliveryMillis == 0) ? took : 0.8 * this.deliveryMillis + 0.2 * took;
		}
		long allowance = Math.max(Math.round(2 * this.deliveryMillis) + 1, this.limits.deliveryAllowance().toMillis());
		long countedFrom = quick ? now : permit.takenAt() + Math.min(took, allowance);
		for (RollingBudget budget : needed(permit.classes())) {
			budget.move(permit.takenAt(), countedFrom);
		}
	}

	/**
	 * Permits taken for one call.
	 *
	 * @param classes the budgets' classes
	 * @param takenAt when they were taken
	 * @param waited how long the call waited for them
	 */
	public record Permit(Set<EndpointClass> classes, long takenAt, Duration waited) {

	}

	/**
	 * Takes the permits if all are free now and returns 0; otherwise how long to wait.
	 */
	synchronized long tryAcquire(Set<EndpointClass> classes, Priority priority) {
		if (!this.limits.enabled()) {
			return 0;
		}
		long now = this.clock.getAsLong();
		long wait = Math.max(0, this.pausedUntil - now);
		if (priority == Priority.BACKGROUND && this.commandsWaiting > 0) {
			wait = Math.max(wait, 50);
		}
		wait = Math.max(wait, spacing(now));
		List<RollingBudget> needed = needed(classes);
		for (RollingBudget budget : needed) {
			int reserve = (priority == Priority.BACKGROUND)
					? (int) Math.ceil(budget.limit() * this.limits.backgroundReserve()) : 0;
			wait = Math.max(wait, budget.waitMillis(now, reserve));
		}
		if (wait > 0) {
			return wait;
		}
		needed.forEach((budget) -> budget.grant(now));
		this.lastRequestGrant = now;
		if (this.serverRemaining != null) {
			this.serverRemaining--;
		}
		return 0;
	}

	/** A 429: nobody calls until Fivetran's {@code Retry-After} has passed. */
	public synchronized void retryAfter(Duration wait) {
		long now = this.clock.getAsLong();
		long millis = (wait.compareTo(Duration.ofMillis(Long.MAX_VALUE - now)) < 0) ? wait.toMillis()
				: Long.MAX_VALUE - now;
		long until = now + millis;
		this.pausedUntil = Math.max(this.pausedUntil, until);
	}

	/** What Fivetran says is left of the account's hourly requests. */
	public synchronized void serverRemaining(int remaining) {
		this.serverRemaining = remaining;
		notifyAll();
	}

	/**
	 * This instance's share of the account's budgets: its share of the command
	 * partitions, recomputed on every rebalance.
	 */
	public synchronized void share(int assignedPartitions, int totalPartitions) {
		this.share = (totalPartitions > 0 && assignedPartitions > 0)
				? Math.min(1.0, (double) assignedPartitions / totalPartitions) : 1.0;
		this.budgets.values().forEach((budget) -> budget.share(this.share));
		notifyAll();
	}

	/** This instance's share of the account's budgets (0..1]. */
	public synchronized double share() {
		return this.share;
	}

	/** Permits left per budget, for metrics. */
	public synchronized Map<String, Integer> remaining() {
		long now = this.clock.getAsLong();
		Map<String, Integer> remaining = new LinkedHashMap<>();
		this.budgets.forEach((name, budget) -> remaining.put(name, budget.remaining(now)));
		return remaining;
	}

	/** Permits per window per budget, for metrics. */
	public synchronized Map<String, Integer> limits() {
		Map<String, Integer> limit = new LinkedHashMap<>();
		this.budgets.forEach((name, budget) -> limit.put(name, budget.limit()));
		return limit;
	}

	/**
	 * When Fivetran says few requests are left (other clients may share the account),
	 * calls are spaced at this instance's average allowed rate instead of in bursts.
	 */
	private long spacing(long now) {
		if (this.serverRemaining == null || this.requests == null) {
			return 0;
		}
		int lowWater = Math.max(5, this.requests.limit() / 100);
		if (this.serverRemaining > lowWater) {
			return 0;
		}
		long interval = this.requests.windowMillis() / Math.max(1, this.requests.limit());
		if (this.serverRemaining <= 0) {
			interval *= 10;
		}
		return Math.max(0, this.lastRequestGrant + interval - now);
	}

	private List<RollingBudget> needed(Set<EndpointClass> classes) {
		List<RollingBudget> needed = new ArrayList<>();
		for (EndpointClass endpointClass : classes) {
			needed.addAll(this.budgetsByClass.getOrDefault(endpointClass, List.of()));
		}
		return needed;
	}

}
