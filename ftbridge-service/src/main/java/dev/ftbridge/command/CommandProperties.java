package dev.ftbridge.command;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How commands are consumed and executed ({@code ftbridge.command.*}).
 *
 * @param groupId the Kafka consumer group of the bridge's replicas
 * @param maxInFlight records read but not finished before the consumer pauses its
 * partitions; it resumes at half of that, so memory stays flat whatever the backlog
 * @param maxConcurrency commands needing only the request budget executing at once
 * (threads calling Fivetran)
 * @param scarceConcurrency commands that may wait for a scarce budget (setup tests,
 * source interaction, user creation) executing at once, per budget: threads of their own,
 * so commands waiting for such a budget never hold the threads of the others
 * @param maxCommandBytes the largest command accepted; larger ones are dead-lettered
 * @param pollTimeout how long one poll waits for records
 * @param commitInterval how often finished offsets are committed
 * @param shutdownGrace how long a revoked partition or a shutdown waits for running
 * commands before letting go of them
 * @param publishRetryBackoff the wait between attempts to publish a result when the
 * broker does not acknowledge it
 * @param dedupWindow how long a command id is remembered: the same id within it gets a
 * {@code DUPLICATE} result instead of running again
 */
@Validated
@ConfigurationProperties("ftbridge.command")
public record CommandProperties(@DefaultValue("ftbridge") @NotBlank String groupId,
		@DefaultValue("1000") @Min(1) int maxInFlight, @DefaultValue("64") @Min(1) int maxConcurrency,
		@DefaultValue("128") @Min(1) int scarceConcurrency, @DefaultValue("1048576") @Min(1024) int maxCommandBytes,
		@DefaultValue("200ms") Duration pollTimeout, @DefaultValue("1s") Duration commitInterval,
		@DefaultValue("30s") Duration shutdownGrace, @DefaultValue("2s") Duration publishRetryBackoff,
		@DefaultValue("24h") Duration dedupWindow) {

}
