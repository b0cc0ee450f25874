package dev.ftbridge.fivetran;

import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.ftbridge.contract.AccountName;

/**
 * Further Fivetran accounts ({@code ftbridge.fivetran.accounts.<name>.*}), beside the
 * single-account settings of {@link FivetranProperties} and {@link LimitProperties},
 * which are the account {@code default}. A command picks its account with the CloudEvent
 * attribute {@code fivetranaccount}. Names follow {@link AccountName}; a named account
 * {@code default} is refused as ambiguous.
 *
 * @param accounts the accounts by name
 */
@Validated
@ConfigurationProperties("ftbridge.fivetran")
public record AccountProperties(@Valid Map<String, Account> accounts) {

	public AccountProperties {
		accounts = (accounts != null) ? new TreeMap<>(accounts) : new TreeMap<>();
		for (String name : accounts.keySet()) {
			if (AccountName.DEFAULT.equals(name)) {
				throw new IllegalArgumentException("ftbridge.fivetran.accounts.default is ambiguous: the account "
						+ "'default' is the single-account settings (ftbridge.fivetran.api-key, base-url, limits); "
						+ "configure it there or give this account another name");
			}
			if (!AccountName.valid(name)) {
				throw new IllegalArgumentException(
						"ftbridge.fivetran.accounts: '" + name + "' is not an account name (" + AccountName.RULE + ")");
			}
		}
		accounts = Collections.unmodifiableMap(accounts);
	}

	/**
	 * One named account. Timeouts, retries, page size and the probe interval are the
	 * single-account settings' ({@code ftbridge.fivetran.*}).
	 *
	 * @param baseUrl the API root, without {@code /v1}
	 * @param apiKey the API key; never logged
	 * @param apiSecret the API secret; never logged
	 * @param limits its rate limits (preset and overrides), the shape of
	 * {@code ftbridge.fivetran.limits}
	 */
	public record Account(@DefaultValue("https://api.fivetran.com") @NotNull URI baseUrl, String apiKey,
			String apiSecret, @DefaultValue @Valid LimitProperties limits) {

		@Override
		public String toString() {
			boolean credentials = apiKey != null && !apiKey.isBlank() && apiSecret != null && !apiSecret.isBlank();
			return "Account[baseUrl=" + baseUrl + ", apiKey=" + (credentials ? "******" : "<unset>") + ", limits="
					+ limits + "]";
		}

	}

}
