package dev.ftbridge.fivetran;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.ftbridge.contract.AccountName;

/**
 * Whether one Fivetran account can be called now: its circuit breaker is not open (no
 * sustained outage) and its credentials were not refused. While it cannot, its commands
 * wait instead of failing, and readiness is DOWN. Shown in health as {@code fivetran} for
 * the account {@code default}, inside {@code fivetranAccounts} for the others.
 */
public class FivetranAvailability implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(FivetranAvailability.class);

	private final CircuitBreaker breaker;

	private final String account;

	private volatile String credentialsProblem;

	private volatile boolean shuttingDown;

	FivetranAvailability(CircuitBreaker breaker) {
		this(breaker, AccountName.DEFAULT);
	}

	FivetranAvailability(CircuitBreaker breaker, String account) {
		this.breaker = breaker;
		this.account = account;
	}

	/** Whether calls may go out now. */
	public boolean available() {
		return this.credentialsProblem == null && circuitAllowsCalls();
	}

	/** Waits until calls may go out; throws when interrupted or shutting down. */
	public void awaitAvailable(Duration pollEvery) throws InterruptedException {
		while (!available()) {
			if (this.shuttingDown) {
				throw new InterruptedException("shutting down while Fivetran is unavailable");
			}
			Thread.sleep(pollEvery.toMillis());
		}
	}

	/** Lets waiting calls give up: their commands stay uncommitted for the next start. */
	void shutdown() {
		this.shuttingDown = true;
	}

	/**
	 * Calls wait for Fivetran again after a restart (a stopped context can start again,
	 * as Spring's test context cache does when it pauses and resumes contexts).
	 */
	void startUp() {
		this.shuttingDown = false;
	}

	/**
	 * Whether the circuit is half-open: it lets a few calls through to see if an outage
	 * is over.
	 */
	boolean probing() {
		return this.breaker.getState() == CircuitBreaker.State.HALF_OPEN;
	}

	/** Whether the circuit lets calls through (closed or probing). */
	boolean circuitAllowsCalls() {
		CircuitBreaker.State state = this.breaker.getState();
		return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
	}

	void unauthorized(String message) {
		if (this.credentialsProblem == null) {
			log.error(
					"Fivetran refused the API key and secret of account '{}' (401: {}). Its commands wait and "
							+ "readiness is DOWN until a call succeeds; check {}api-key / api-secret.",
					this.account, message, settings());
		}
		this.credentialsProblem = "Fivetran refused the API key and secret (401)";
	}

	void authorized() {
		if (this.credentialsProblem != null) {
			log.info("Fivetran accepts the credentials of account '{}' again; its commands resume", this.account);
		}
		this.credentialsProblem = null;
	}

	private String settings() {
		return AccountName.DEFAULT.equals(this.account) ? "ftbridge.fivetran."
				: "ftbridge.fivetran.accounts." + this.account + ".";
	}

	@Override
	public Health health() {
		Health.Builder health = available() ? Health.up() : Health.outOfService();
		health.withDetail("circuit", this.breaker.getState().name());
		if (this.credentialsProblem != null) {
			health.withDetail("credentials", this.credentialsProblem);
		}
		return health.build();
	}

}
