package dev.ftbridge.events;

import dev.ftbridge.contract.CloudEvents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events are published ({@code ftbridge.events.*}).
 *
 * @param source the CloudEvents {@code source} of every event the bridge publishes
 * @param sendTimeout how long to wait for the broker to acknowledge an event
 */
@ConfigurationProperties("ftbridge.events")
public record EventProperties(@DefaultValue("urn:ftbridge") String source, @DefaultValue("30s") Duration sendTimeout) {

}
