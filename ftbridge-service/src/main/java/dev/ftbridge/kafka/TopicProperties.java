package dev.ftbridge.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.validation.annotation.Validated;

/**
 * The bridge's topics ({@code ftbridge.topics.*}); {@code topics/} and the deployment
 * files use the same names. Each module declares the topics it owns
 * ({@link #declare(NewTopic...)}).
 *
 * @param commands commands in (CloudEvents)
 * @param commandResults one or more results per command
 * @param status connection and transformation status events
 * @param connectionState latest status per connection (compacted)
 * @param webhooks the durable inbox of verified webhook bodies
 * @param pendingOperations asynchronous operations waiting for Fivetran to finish
 * (compacted; one record per open operation, partitioned like the webhooks)
 * @param commandLedger costly commands started and not yet finished (compacted)
 * @param commandsDlt poison and unrecoverable commands, with the reason in headers
 * @param lineage OpenLineage run events, keyed by connection or transformation id
 * (published when {@code ftbridge.lineage.enabled})
 * @param connectionSchemas each connection's last known schema config (compacted; kept
 * when {@code ftbridge.lineage.enabled})
 * @param partitions partitions of each topic when the bridge creates it
 * @param replicationFactor replication factor when the bridge creates a topic (-1: the
 * broker's default)
 * @param create whether the bridge creates missing topics at start-up
 */
@Validated
@ConfigurationProperties("ftbridge.topics")
public record TopicProperties(@DefaultValue("fivetran.commands") @NotBlank String commands,
		@DefaultValue("fivetran.command-results") @NotBlank String commandResults,
		@DefaultValue("fivetran.status") @NotBlank String status,
		@DefaultValue("fivetran.connection-state") @NotBlank String connectionState,
		@DefaultValue("fivetran.webhooks") @NotBlank String webhooks,
		@DefaultValue("fivetran.pending-operations") @NotBlank String pendingOperations,
		@DefaultValue("fivetran.command-ledger") @NotBlank String commandLedger,
		@DefaultValue("fivetran.commands-dlt") @NotBlank String commandsDlt,
		@DefaultValue("fivetran.lineage") @NotBlank String lineage,
		@DefaultValue("fivetran.connection-schemas") @NotBlank String connectionSchemas,
		@DefaultValue("12") @Min(1) int partitions, @DefaultValue("-1") int replicationFactor,
		@DefaultValue("true") boolean create) {

	/** A topic with the configured partitions and replication factor. */
	public TopicBuilder builder(String name) {
		TopicBuilder builder = TopicBuilder.name(name).partitions(this.partitions);
		if (this.replicationFactor > 0) {
			builder.replicas(this.replicationFactor);
		}
		return builder;
	}

	/** The topics a module owns, created at start-up when {@link #create()} is set. */
	public KafkaAdmin.NewTopics declare(NewTopic... topics) {
		return this.create ? new KafkaAdmin.NewTopics(topics) : new KafkaAdmin.NewTopics();
	}

}
