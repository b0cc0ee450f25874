package dev.ftbridge.fivetran;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Builds the {@link FivetranClient} from Boot's {@link RestClient.Builder}. */
@Configuration(proxyBeanMethods = false)
class FivetranConfiguration {

	/**
	 * The circuit breaker's name:
	 * {@code resilience4j.circuitbreaker.instances.fivetran.*}.
	 */
	static final String CIRCUIT = "fivetran";

	@Bean
	Throttle fivetranThrottle(LimitProperties limits, Clock clock) {
		return new Throttle(limits, clock::millis);
	}

	@Bean
	FivetranAvailability fivetranHealthIndicator(CircuitBreakerRegistry circuitBreakers) {
		return new FivetranAvailability(circuitBreakers.circuitBreaker(CIRCUIT));
	}

	@Bean
	AvailabilityProbe fivetranAvailabilityProbe(FivetranClient client, FivetranAvailability availability,
			FivetranProperties properties) {
		return new AvailabilityProbe(client, availability, properties.probeInterval());
	}

	@Bean
	FivetranClient fivetranClient(RestClient.Builder builder, JsonMapper json, FivetranProperties properties,
			MeterRegistry meterRegistry, Throttle throttle, CircuitBreakerRegistry circuitBreakers,
			FivetranAvailability availability, Clock clock) {
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(properties.readTimeout());
		RestClient http = builder.clone()
			.baseUrl(properties.baseUrl().toString())
			.requestFactory(requestFactory)
			.defaultHeaders((headers) -> {
				headers.set(HttpHeaders.USER_AGENT, properties.userAgent());
				if (properties.hasCredentials()) {
					headers.set(HttpHeaders.AUTHORIZATION, basic(properties.apiKey(), properties.apiSecret()));
				}
			})
			.build();
		FivetranMetrics metrics = new FivetranMetrics(meterRegistry);
		metrics.budgets(throttle);
		FivetranHttp exchange = new FivetranHttp(http, json, properties.baseUrl(), throttle::serverRemaining,
				properties.maxRetryAfter(), clock);
		return new FivetranClient(exchange, properties, (duration) -> Thread.sleep(duration.toMillis()), metrics,
				throttle, circuitBreakers.circuitBreaker(CIRCUIT), availability);
	}

	private static String basic(String key, String secret) {
		byte[] pair = (key + ":" + secret).getBytes(StandardCharsets.UTF_8);
		return "Basic " + Base64.getEncoder().encodeToString(pair);
	}

}
