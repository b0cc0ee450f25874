package dev.ftbridge.completion;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How asynchronous operations are followed to their end ({@code ftbridge.operations.*}).
 *
 * @param pollAfter how long after {@code ACCEPTED} without a completing webhook the
 * bridge starts asking Fivetran (at background priority)
 * @param pollInterval how often it asks after that
 * @param timeout when an operation with no known end is reported {@code TIMED_OUT}
 * @param retryGrace how long a {@code FAILED} sync waits for Fivetran's own retry to
 * succeed before the command is reported {@code FAILED}
 * @param recentEvents how long sync and run events are kept for an operation that is read
 * after its webhook (recorded by another instance)
 * @param tick how often deadlines, polls and re-triggers are checked
 * @param recentEventsMax the most sync and run events kept per partition for such late
 * operations (the oldest go first; an operation whose end was dropped ends by polling):
 * bounds the memory a webhook storm can take, also while the window is restored
 */
@Validated
@ConfigurationProperties("ftbridge.operations")
public record OperationsProperties(@DefaultValue("10m") @NotNull Duration pollAfter,
		@DefaultValue("5m") @NotNull Duration pollInterval, @DefaultValue("24h") @NotNull Duration timeout,
		@DefaultValue("15m") @NotNull Duration retryGrace, @DefaultValue("5m") @NotNull Duration recentEvents,
		@DefaultValue("10s") @NotNull Duration tick, @DefaultValue("2000") @Min(1) int recentEventsMax) {

}
