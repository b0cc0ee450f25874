package dev.ftbridge.fivetran;

import java.time.Clock;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Builds {@link FivetranAccounts} as the bridge does ({@link FivetranConfiguration}) from
 * {@code ftbridge.fivetran.*} properties, for tests outside this package.
 */
public final class TestAccounts {

	private TestAccounts() {
	}

	/**
	 * The accounts the properties describe, with their circuit breakers in
	 * {@code breakers}.
	 */
	public static FivetranAccounts of(Map<String, String> properties, MeterRegistry meters,
			CircuitBreakerRegistry breakers) {
		Binder binder = new Binder(new MapConfigurationPropertySource(properties));
		FivetranProperties fivetran = binder.bindOrCreate("ftbridge.fivetran", FivetranProperties.class);
		LimitProperties limits = binder.bindOrCreate("ftbridge.fivetran.limits", LimitProperties.class);
		AccountProperties accounts = binder.bindOrCreate("ftbridge.fivetran", AccountProperties.class);
		FivetranConfiguration configuration = new FivetranConfiguration();
		Clock clock = Clock.systemUTC();
		Throttle throttle = configuration.fivetranThrottle(limits, clock);
		FivetranAvailability availability = configuration.fivetranHealthIndicator(breakers);
		RestClient.Builder builder = RestClient.builder();
		JsonMapper json = JsonMapper.builder().build();
		FivetranClient client = configuration.fivetranClient(builder, json, fivetran, meters, throttle, breakers,
				availability, clock);
		return configuration.fivetranAccounts(client, throttle, availability, accounts, builder, json, fivetran, meters,
				breakers, clock);
	}

}
