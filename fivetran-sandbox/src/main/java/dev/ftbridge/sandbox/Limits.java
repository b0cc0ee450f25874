package dev.ftbridge.sandbox;

/**
 * Fivetran's per-account rate limits, each a rolling window
 * (https://fivetran.com/docs/rest-api/rate-limiting). A value of {@link #UNLIMITED} means
 * no such limit.
 *
 * @param enabled whether the limits are enforced; when off, nothing is ever rejected and
 * {@code X-Rate-Limit-Remaining} always reports the full quota
 * @param requestsPerHour all requests per hour (also the {@code X-Rate-Limit} quota)
 * @param setupTestsPerMinute setup tests per minute
 * @param setupTestsPerHour setup tests per hour
 * @param sourceInteractionsPerMinute source interactions per minute (setup tests count)
 * @param sourceInteractionsPerHour source interactions per hour
 * @param userCreationsPerHour user creations per hour
 */
public record Limits(boolean enabled, int requestsPerHour, int setupTestsPerMinute, int setupTestsPerHour,
		int sourceInteractionsPerMinute, int sourceInteractionsPerHour, int userCreationsPerHour) {

	/** No limit for that window. */
	public static final int UNLIMITED = Integer.MAX_VALUE;

	public Limits {
		for (int limit : new int[] { requestsPerHour, setupTestsPerMinute, setupTestsPerHour,
				sourceInteractionsPerMinute, sourceInteractionsPerHour, userCreationsPerHour }) {
			if (limit < 1) {
				throw new IllegalArgumentException("limits must be at least 1 (UNLIMITED for none), was " + limit);
			}
		}
	}

	/** Free, Standard, Enterprise and Business Critical accounts. */
	public static Limits paid() {
		return new Limits(true, 20_000, 250, 2_500, 500, 5_000, 500);
	}

	/** Trial accounts: far less, and no per-minute setup-test limit. */
	public static Limits trial() {
		return new Limits(true, 500, UNLIMITED, 50, 25, 250, 10);
	}

	/** The same numbers, not enforced. */
	public Limits disabled() {
		return new Limits(false, this.requestsPerHour, this.setupTestsPerMinute, this.setupTestsPerHour,
				this.sourceInteractionsPerMinute, this.sourceInteractionsPerHour, this.userCreationsPerHour);
	}

	public Limits withRequestsPerHour(int perHour) {
		return new Limits(this.enabled, perHour, this.setupTestsPerMinute, this.setupTestsPerHour,
				this.sourceInteractionsPerMinute, this.sourceInteractionsPerHour, this.userCreationsPerHour);
	}

	public Limits withSetupTests(int perMinute, int perHour) {
		return new Limits(this.enabled, this.requestsPerHour, perMinute, perHour, this.sourceInteractionsPerMinute,
				this.sourceInteractionsPerHour, this.userCreationsPerHour);
	}

	public Limits withSourceInteractions(int perMinute, int perHour) {
		return new Limits(this.enabled, this.requestsPerHour, this.setupTestsPerMinute, this.setupTestsPerHour,
				perMinute, perHour, this.userCreationsPerHour);
	}

	public Limits withUserCreationsPerHour(int perHour) {
		return new Limits(this.enabled, this.requestsPerHour, this.setupTestsPerMinute, this.setupTestsPerHour,
				this.sourceInteractionsPerMinute, this.sourceInteractionsPerHour, perHour);
	}

}
