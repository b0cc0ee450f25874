package dev.ftbridge.fivetran;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Metrics of calls to Fivetran: latency and count by endpoint class and status, and 429s.
 * The status tag is the HTTP status, or {@code io_error} when no answer came; every meter
 * carries the {@code account} it is about.
 */
class FivetranMetrics {

	private final MeterRegistry registry;

	private final String account;

	FivetranMetrics(MeterRegistry registry, String account) {
		this.registry = registry;
		this.account = account;
	}

	void call(FivetranRequest request, int httpStatus, Duration duration) {
		Timer.builder("ftbridge.fivetran.calls")
			.description("Calls to Fivetran, by endpoint class and HTTP status")
			.tag("class", endpointClass(request))
			.tag("status", (httpStatus > 0) ? Integer.toString(httpStatus) : "io_error")
			.tag("account", this.account)
			.publishPercentileHistogram()
			.register(this.registry)
			.record(duration);
		if (httpStatus == 429) {
			Counter.builder("ftbridge.fivetran.rate.limited")
				.description("Calls Fivetran answered with 429")
				.tag("account", this.account)
				.register(this.registry)
				.increment();
		}
	}

	void throttled(Duration waited) {
		Timer.builder("ftbridge.fivetran.throttle.wait")
			.description("Time calls waited for Fivetran rate budget")
			.tag("account", this.account)
			.register(this.registry)
			.record(waited);
	}

	/** Gauges of every budget's remaining permits and limit. */
	void budgets(Throttle throttle) {
		for (String budget : throttle.limits().keySet()) {
			Gauge.builder("ftbridge.fivetran.budget.remaining", throttle, (t) -> t.remaining().getOrDefault(budget, 0))
				.description("Permits left in this instance's share of a Fivetran rate budget")
				.tag("budget", budget)
				.tag("account", this.account)
				.register(this.registry);
			Gauge.builder("ftbridge.fivetran.budget.limit", throttle, (t) -> t.limits().getOrDefault(budget, 0))
				.description("This instance's share of a Fivetran rate budget, per window")
				.tag("budget", budget)
				.tag("account", this.account)
				.register(this.registry);
		}
		Gauge.builder("ftbridge.fivetran.budget.share", throttle, Throttle::share)
			.description("This instance's share of the account's budgets (its share of the command partitions)")
			.tag("account", this.account)
			.register(this.registry);
	}

	/** The most specific budget a call counts against. */
	private static String endpointClass(FivetranRequest request) {
		if (request.budgets().contains(EndpointClass.SETUP_TEST)) {
			return "setup_test";
		}
		if (request.budgets().contains(EndpointClass.SOURCE_INTERACTION)) {
			return "source_interaction";
		}
		if (request.budgets().contains(EndpointClass.USER_CREATION)) {
			return "user_creation";
		}
		return "request";
	}

}
