package dev.ftbridge.fivetran;

/**
 * One Fivetran account as the bridge reaches it: its own client (credentials and base
 * URL), throttle (budgets), circuit breaker and availability.
 */
public final class FivetranAccount {

	private final String name;

	private final FivetranClient client;

	private final Throttle throttle;

	private final FivetranAvailability availability;

	FivetranAccount(String name, FivetranClient client, Throttle throttle, FivetranAvailability availability) {
		this.name = name;
		this.client = client;
		this.throttle = throttle;
		this.availability = availability;
	}

	/** The account's name ({@code default} for the single-account settings). */
	public String name() {
		return this.name;
	}

	/** The client that calls Fivetran with this account's credentials and budgets. */
	public FivetranClient client() {
		return this.client;
	}

	/** Whether calls for this account may go out now. */
	public boolean available() {
		return this.availability.available();
	}

	FivetranAvailability availability() {
		return this.availability;
	}

	Throttle throttle() {
		return this.throttle;
	}

	@Override
	public String toString() {
		return "FivetranAccount[" + this.name + "]";
	}

}
