package dev.ftbridge.fivetran;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Fivetran's account rate limits as the bridge budgets them
 * ({@code ftbridge.fivetran.limits.*}). Defaults sit {@code margin} under the documented
 * limits of the preset; each budget can be overridden. Limits are per account: with
 * several replicas each uses its share, following its share of the command partitions.
 *
 * @param enabled whether calls wait for budget at all
 * @param preset {@code paid} (Free/Standard/Enterprise/Business Critical) or
 * {@code trial}
 * @param margin the fraction kept unused under each limit
 * @param requestsPerHour override: all requests per hour
 * @param setupTestsPerMinute override: setup tests per minute (0: no such limit)
 * @param setupTestsPerHour override: setup tests per hour
 * @param sourceInteractionsPerMinute override: source interactions per minute
 * @param sourceInteractionsPerHour override: source interactions per hour
 * @param userCreationsPerHour override: user creations per hour
 * @param backgroundReserve the fraction of each budget that background work (status
 * polling) leaves to commands
 * @param timeScale how much faster than real time the windows pass (1 for Fivetran; the
 * sandbox's factor when it compresses time)
 * @param deliveryAllowance the least time assumed between sending a slow call (a setup
 * test) and Fivetran receiving it, when deciding from when its permits count; above it,
 * the allowance is measured (twice the longest round trip of quick calls under way
 * meanwhile)
 */
@Validated
@ConfigurationProperties("ftbridge.fivetran.limits")
public record LimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("paid") Preset preset,
		@DefaultValue("0.05") @DecimalMin("0") @DecimalMax("0.9") double margin, Integer requestsPerHour,
		Integer setupTestsPerMinute, Integer setupTestsPerHour, Integer sourceInteractionsPerMinute,
		Integer sourceInteractionsPerHour, Integer userCreationsPerHour,
		@DefaultValue("0.1") @DecimalMin("0") @DecimalMax("0.9") double backgroundReserve,
		@DefaultValue("1") @DecimalMin("0.001") double timeScale, @DefaultValue("25ms") Duration deliveryAllowance) {

	/** Fivetran's documented limits per account plan. */
	public enum Preset {

		/** Free, Standard, Enterprise and Business Critical accounts. */
		PAID(20_000, 250, 2_500, 500, 5_000, 500),

		/** Trial accounts (no per-minute setup-test limit). */
		TRIAL(500, 0, 50, 25, 250, 10);

		final int requestsPerHour;

		final int setupTestsPerMinute;

		final int setupTestsPerHour;

		final int sourcePerMinute;

		final int sourcePerHour;

		final int usersPerHour;

		Preset(int requestsPerHour, int setupTestsPerMinute, int setupTestsPerHour, int sourcePerMinute,
				int sourcePerHour, int usersPerHour) {
			this.requestsPerHour = requestsPerHour;
			this.setupTestsPerMinute = setupTestsPerMinute;
			this.setupTestsPerHour = setupTestsPerHour;
			this.sourcePerMinute = sourcePerMinute;
			this.sourcePerHour = sourcePerHour;
			this.usersPerHour = usersPerHour;
		}

	}

	/**
	 * A limit after the margin: the override if set, else the preset's minus the margin.
	 */
	int budget(Integer override, int documented) {
		if (override != null) {
			return override;
		}
		return (documented == 0) ? 0 : Math.max(1, (int) Math.floor(documented * (1 - this.margin)));
	}

	long minuteMillis() {
		return Math.round(60_000 / this.timeScale);
	}

	long hourMillis() {
		return Math.round(3_600_000 / this.timeScale);
	}

}
