package dev.ftbridge.fivetran;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the bridge reaches Fivetran ({@code ftbridge.fivetran.*}).
 *
 * @param baseUrl the API root, without {@code /v1}; point it at the sandbox or a mock
 * server in tests
 * @param apiKey the API key (from the environment, e.g.
 * {@code FTBRIDGE_FIVETRAN_API_KEY}); never logged
 * @param apiSecret the API secret (e.g. {@code FTBRIDGE_FIVETRAN_API_SECRET}); never
 * logged
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout how long to wait for a response; setup tests can take minutes
 * @param pageSize the {@code limit} sent on list calls (Fivetran allows 1..1000)
 * @param maxAttempts attempts per call for failures that a retry can fix (1 = no retry)
 * @param retryBackoff the first wait between attempts; doubles each time, with jitter
 * @param userAgent sent as {@code User-Agent}
 * @param probeInterval how often to probe Fivetran while it is unavailable (circuit open,
 * credentials refused)
 * @param maxRetryAfter the longest {@code Retry-After} believed: a longer one (or an HTTP
 * date further away) pauses calls only this long
 */
@Validated
@ConfigurationProperties("ftbridge.fivetran")
public record FivetranProperties(@DefaultValue("https://api.fivetran.com") @NotNull URI baseUrl, String apiKey,
		String apiSecret, @DefaultValue("5s") Duration connectTimeout, @DefaultValue("180s") Duration readTimeout,
		@DefaultValue("1000") @Min(1) @Max(1000) int pageSize, @DefaultValue("3") @Min(1) int maxAttempts,
		@DefaultValue("1s") Duration retryBackoff, @DefaultValue("fivetran-kafka-bridge") String userAgent,
		@DefaultValue("15s") Duration probeInterval, @DefaultValue("1h") Duration maxRetryAfter) {

	boolean hasCredentials() {
		return apiKey != null && !apiKey.isBlank() && apiSecret != null && !apiSecret.isBlank();
	}

	/**
	 * These settings with another account's base URL and credentials (its timeouts,
	 * retries and page size are these).
	 */
	FivetranProperties forAccount(AccountProperties.Account account) {
		return new FivetranProperties(account.baseUrl(), account.apiKey(), account.apiSecret(), this.connectTimeout,
				this.readTimeout, this.pageSize, this.maxAttempts, this.retryBackoff, this.userAgent,
				this.probeInterval, this.maxRetryAfter);
	}

	@Override
	public String toString() {
		return "FivetranProperties[baseUrl=" + baseUrl + ", apiKey=" + (hasCredentials() ? "******" : "<unset>")
				+ ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
	}

}
