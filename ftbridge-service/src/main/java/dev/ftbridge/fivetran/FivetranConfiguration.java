package dev.ftbridge.fivetran;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.ftbridge.contract.AccountName;

/**
 * Builds one Fivetran stack per account from Boot's {@link RestClient.Builder}: client,
 * throttle, circuit breaker, availability and probe. The account {@code default} (the
 * single-account settings) keeps its beans; the named ones live in
 * {@link FivetranAccounts}.
 */
@Configuration(proxyBeanMethods = false)
class FivetranConfiguration {

	/**
	 * The circuit breaker's name:
	 * {@code resilience4j.circuitbreaker.instances.fivetran.*}.
	 */
	static final String CIRCUIT = "fivetran";

	/**
	 * A named account's circuit breaker: {@code fivetran-<name>}, configured as
	 * {@code resilience4j.circuitbreaker.instances.fivetran-<name>.*} if present, else as
	 * {@link #CIRCUIT}.
	 */
	static String circuit(String account) {
		return CIRCUIT + "-" + account;
	}

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
		return client(builder, json, properties, new FivetranMetrics(meterRegistry, AccountName.DEFAULT), throttle,
				circuitBreakers.circuitBreaker(CIRCUIT), availability, clock);
	}

	/** Every account: {@code default} from the beans above, and each named one. */
	@Bean
	FivetranAccounts fivetranAccounts(FivetranClient fivetranClient, Throttle fivetranThrottle,
			FivetranAvailability availability, AccountProperties accounts, RestClient.Builder builder, JsonMapper json,
			FivetranProperties properties, MeterRegistry meterRegistry, CircuitBreakerRegistry circuitBreakers,
			Clock clock) {
		List<FivetranAccount> all = new ArrayList<>();
		all.add(new FivetranAccount(AccountName.DEFAULT, fivetranClient, fivetranThrottle, availability));
		for (Map.Entry<String, AccountProperties.Account> named : accounts.accounts().entrySet()) {
			String name = named.getKey();
			Throttle throttle = new Throttle(named.getValue().limits(), clock::millis);
			CircuitBreaker breaker = circuitBreakers.find(circuit(name))
				.orElseGet(() -> circuitBreakers.circuitBreaker(circuit(name),
						circuitBreakers.circuitBreaker(CIRCUIT).getCircuitBreakerConfig()));
			FivetranAvailability own = new FivetranAvailability(breaker, name);
			FivetranClient client = client(builder, json, properties.forAccount(named.getValue()),
					new FivetranMetrics(meterRegistry, name), throttle, breaker, own, clock);
			all.add(new FivetranAccount(name, client, throttle, own));
		}
		return new FivetranAccounts(all);
	}

	/** The named accounts' probes ({@code default}'s is its own bean). */
	@Bean
	AccountProbes fivetranAccountProbes(FivetranAccounts accounts, FivetranProperties properties) {
		List<AvailabilityProbe> probes = new ArrayList<>();
		for (FivetranAccount account : accounts.all()) {
			if (!AccountName.DEFAULT.equals(account.name())) {
				probes.add(new AvailabilityProbe(account.client(), account.availability(), properties.probeInterval(),
						"ftbridge-fivetran-probe-" + account.name()));
			}
		}
		return new AccountProbes(probes);
	}

	/** Readiness of the named accounts, shown as {@code fivetranAccounts}. */
	@Bean
	AccountsHealth fivetranAccountsHealthIndicator(FivetranAccounts accounts) {
		return new AccountsHealth(accounts);
	}

	private static FivetranClient client(RestClient.Builder builder, JsonMapper json, FivetranProperties properties,
			FivetranMetrics metrics, Throttle throttle, CircuitBreaker breaker, FivetranAvailability availability,
			Clock clock) {
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
		metrics.budgets(throttle);
		FivetranHttp exchange = new FivetranHttp(http, json, properties.baseUrl(), throttle::serverRemaining,
				properties.maxRetryAfter(), clock);
		return new FivetranClient(exchange, properties, (duration) -> Thread.sleep(duration.toMillis()), metrics,
				throttle, breaker, availability);
	}

	private static String basic(String key, String secret) {
		byte[] pair = (key + ":" + secret).getBytes(StandardCharsets.UTF_8);
		return "Basic " + Base64.getEncoder().encodeToString(pair);
	}

}
