package dev.ftbridge.lineage;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Lineage and schema drift ({@code ftbridge.lineage.*}).
 *
 * @param enabled whether the bridge publishes lineage and drift events; off by default,
 * because it reads every synced connection's schema config from Fivetran (one
 * {@code GET .../schemas} per sync end, at background priority)
 * @param namespace the OpenLineage namespace of the jobs (connections, transformations)
 * @param producer the OpenLineage {@code producer} URI
 * @param endpoint an OpenLineage HTTP endpoint that receives every run event as well
 * (e.g. {@code http://marquez:5000/api/v1/lineage}); none by default
 * @param endpointTimeout how long one POST to the endpoint may take
 * @param groupId the consumer group that follows the status and result topics
 */
@Validated
@ConfigurationProperties("ftbridge.lineage")
public record LineageProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("fivetran") @NotBlank String namespace,
		@DefaultValue("urn:ftbridge:lineage") @NotBlank String producer, URI endpoint,
		@DefaultValue("5s") Duration endpointTimeout, @DefaultValue("ftbridge-lineage") @NotBlank String groupId) {

}
