package dev.ftbridge.fivetran;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Metrics of calls to Fivetran: latency and count by endpoint class and status, and 429s.
 * The status tag is the HTTP status, or {@code io_error} when no answer came.
 */
class FivetranMetrics {

	private final MeterRegistry registry;

	FivetranMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void call(FivetranRequest request, int httpStatus, Duration duration) {
		Timer.builder("ftbridge.fivetran.calls")
			.description("Calls to Fivetran, by endpoint class and HTTP status")
			.tag("class", endpointClass(request))
			.tag("status", (httpStatus > 0) ? Integer.toString(httpStatus) : "io_error")
			.publishPercentileHistogram()
			.register(this.registry)
			.record(duration);
		if (httpStatus == 429) {
			Counter.builder("ftbridge.fivetran.rate.limited")
				.description("Calls Fivetran answered with 429")
				.register(this.registry)
				.increment();
		}
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
