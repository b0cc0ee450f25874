package dev.ftbridge.fivetran;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Spends Fivetran's rate budgets so that the account never hits a limit. A call takes a
 * permit from every budget it counts against, or waits until each has one. Commands go
 * first: background work only uses what is left above a reserve, and never while a
 * command waits. A 429 pauses every call of its class until its {@code Retry-After} and
 * tightens that class's {@link AdaptiveMargin}; a low {@code X-Rate-Limit-Remaining}
 * spaces calls out before Fivetran says no, and an exhausted one waits for
 * {@code X-Rate-Limit-Reset} where Fivetran sends it.
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

	private final Map<EndpointClass, Long> pausedUntil = new EnumMap<>(EndpointClass.class);

	private final AdaptiveMargin margin;

	private final DeliveryTimes delivery = new DeliveryTimes();

	private Integer serverRemaining;

	/** Time until Fivetran's count resets, as last reported, and when it was. */
	private Long serverResetMillis;

	private long serverReportedAt;

	private long lastRequestGrant;

	/** When a quick call last got its permits, or a delivery probe was last asked for. */
	private long lastQuickGrant = Long.MIN_VALUE / 2;

	private int commandsWaiting;

	private double share = 1.0;

	Throttle(LimitProperties limits, LongSupplier clock) {
		this.limits = limits;
		this.clock = clock;
		this.margin = new AdaptiveMargin((endpointClass) -> (endpointClass == EndpointClass.REQUEST)
				? limits.hourMillis() : limits.minuteMillis());
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
	 * between sending and answering. A quick call counts from its answer; a slow one (a
	 * setup test runs for seconds on Fivetran's side) from the latest moment the measured
	 * delivery of quick calls says Fivetran can have received it ({@link DeliveryTimes}),
	 * so the permit neither frees before Fivetran's nor is held for the whole setup test.
	 */
	public synchronized void answered(Permit permit) {
		long now = this.clock.getAsLong();
		long countedFrom;
		if (quick(permit.classes())) {
			this.delivery.quick(permit.takenAt(), now - permit.takenAt());
			// +1: Fivetran's clock may be a fraction of our millisecond ahead
			countedFrom = now + 1;
		}
		else {
			countedFrom = this.delivery.countedBy(permit.takenAt(), now, this.limits.deliveryAllowance().toMillis())
					+ 1;
		}
		for (RollingBudget budget : needed(permit.classes())) {
			budget.move(permit.takenAt(), countedFrom);
		}
	}

	/**
	 * Whether a slow call just given its permits needs a quick call beside it, so that
	 * its delivery is measured now rather than guessed from quick calls of a quieter
	 * moment: true when quick calls were measured before but none has been sent for a
	 * second of the window's clock (while setup tests hold every worker, nothing else
	 * goes out, and the machine may have grown busier since). At most one a second: a
	 * burst of setup tests costs a request or two. With nothing measured yet the slow
	 * call counts from its answer and needs no probe.
	 */
	public synchronized boolean probeDue(Permit permit) {
		long now = this.clock.getAsLong();
		if (!this.limits.enabled() || quick(permit.classes()) || !this.delivery.measured()
				|| this.lastQuickGrant > now - probeSpacing()) {
			return false;
		}
		this.lastQuickGrant = now;
		return true;
	}

	/** A second of the windows' clock: the least time between two delivery probes. */
	private long probeSpacing() {
		return Math.max(1, this.limits.minuteMillis() / 60);
	}

	private static boolean quick(Set<EndpointClass> classes) {
		return !classes.contains(EndpointClass.SETUP_TEST) && !classes.contains(EndpointClass.SOURCE_INTERACTION);
	}

	/**
	 * Fivetran answered the call with 429: its count is ahead of ours. Nothing else of
	 * the call's class is sent before {@code retryAfter} (of every class when the
	 * account's request quota is what ran out, or may have), and that class's margin
	 * tightens, once per overrun: a 429 for a call sent before the last tightening is
	 * late news.
	 * @param serverRemaining the {@code X-Rate-Limit-Remaining} of the 429, if any
	 */
	public synchronized void rejected(Permit permit, Duration retryAfter, Integer serverRemaining) {
		answered(permit);
		long now = this.clock.getAsLong();
		Set<EndpointClass> limited = EnumSet.copyOf(permit.classes());
		if (limited.size() > 1 && serverRemaining != null && serverRemaining > 0) {
			// the account still has requests left: one of the narrower budgets said no
			limited.remove(EndpointClass.REQUEST);
		}
		else {
			limited = EnumSet.of(EndpointClass.REQUEST);
		}
		long until = now + cappedMillis(retryAfter, now);
		for (EndpointClass endpointClass : limited) {
			this.pausedUntil.merge(endpointClass, until, Math::max);
			this.margin.tighten(endpointClass, now, permit.takenAt());
		}
		notifyAll();
	}

	/** The extra fraction held back from the class's budgets now. */
	synchronized double extraMargin(EndpointClass endpointClass) {
		return this.margin.extra(endpointClass, this.clock.getAsLong());
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
		long wait = 0;
		for (EndpointClass endpointClass : classes) {
			wait = Math.max(wait, this.pausedUntil.getOrDefault(endpointClass, 0L) - now);
		}
		// every call counts as a request: a pause of requests holds every class
		wait = Math.max(wait, this.pausedUntil.getOrDefault(EndpointClass.REQUEST, 0L) - now);
		if (priority == Priority.BACKGROUND && this.commandsWaiting > 0) {
			wait = Math.max(wait, 50);
		}
		wait = Math.max(wait, spacing(now));
		for (EndpointClass endpointClass : classes) {
			double extra = this.margin.extra(endpointClass, now);
			for (RollingBudget budget : this.budgetsByClass.getOrDefault(endpointClass, List.of())) {
				double held = extra + ((priority == Priority.BACKGROUND) ? this.limits.backgroundReserve() : 0);
				int reserve = Math.min(budget.limit() - 1, (int) Math.ceil(budget.limit() * held));
				wait = Math.max(wait, budget.waitMillis(now, reserve));
			}
		}
		List<RollingBudget> needed = needed(classes);
		if (wait > 0) {
			return wait;
		}
		needed.forEach((budget) -> budget.grant(now));
		this.lastRequestGrant = now;
		if (quick(classes)) {
			this.lastQuickGrant = now;
		}
		if (this.serverRemaining != null) {
			this.serverRemaining--;
		}
		return 0;
	}

	/** A 429 with no call to blame: nobody calls until Fivetran's {@code Retry-After}. */
	public synchronized void retryAfter(Duration wait) {
		long now = this.clock.getAsLong();
		this.pausedUntil.merge(EndpointClass.REQUEST, now + cappedMillis(wait, now), Math::max);
	}

	private static long cappedMillis(Duration wait, long now) {
		return (wait.compareTo(Duration.ofMillis(Long.MAX_VALUE - now)) < 0) ? Math.max(0, wait.toMillis())
				: Long.MAX_VALUE - now;
	}

	/** What Fivetran says is left of the account's hourly requests. */
	public void serverRemaining(int remaining) {
		serverRemaining(remaining, null);
	}

	/**
	 * What Fivetran says is left of the account's hourly requests, and (where it says so)
	 * how long until its count resets. With nothing left, no call is sent before the
	 * reset. When the account has fewer left than this instance's own budget, others use
	 * it too (or Fivetran counts differently): the request margin tightens, at most once
	 * a minute.
	 */
	public synchronized void serverRemaining(int remaining, Duration reset) {
		long now = this.clock.getAsLong();
		this.serverRemaining = remaining;
		this.serverResetMillis = (reset != null) ? cappedMillis(reset, now) : null;
		this.serverReportedAt = now;
		if (remaining <= 0 && reset != null) {
			this.pausedUntil.merge(EndpointClass.REQUEST, now + this.serverResetMillis, Math::max);
		}
		if (this.requests != null && remaining < this.requests.remaining(now)
				&& this.margin.tightenedAt(EndpointClass.REQUEST) <= now - this.limits.minuteMillis()) {
			this.margin.tighten(EndpointClass.REQUEST, now, now);
		}
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
		if (this.serverResetMillis != null && this.serverRemaining > 0) {
			// what is left, spread over what is left of Fivetran's window
			long untilReset = Math.max(0, this.serverResetMillis - (now - this.serverReportedAt));
			interval = Math.max(interval, untilReset / this.serverRemaining);
		}
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
