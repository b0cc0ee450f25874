package dev.ftbridge.fivetran;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.ftbridge.contract.AccountName;

/**
 * Every Fivetran account the bridge is configured for, by name: {@code default} (the
 * single-account settings) and each of {@code ftbridge.fivetran.accounts.<name>}.
 */
public final class FivetranAccounts {

	private final Map<String, FivetranAccount> accounts;

	FivetranAccounts(List<FivetranAccount> accounts) {
		Map<String, FivetranAccount> byName = new LinkedHashMap<>();
		for (FivetranAccount account : accounts) {
			if (byName.put(account.name(), account) != null) {
				throw new IllegalArgumentException("two Fivetran accounts named '" + account.name() + "'");
			}
		}
		if (!byName.containsKey(AccountName.DEFAULT)) {
			throw new IllegalArgumentException("no account '" + AccountName.DEFAULT + "'");
		}
		this.accounts = Collections.unmodifiableMap(byName);
	}

	/** The configured names, {@code default} first. */
	public Set<String> names() {
		return this.accounts.keySet();
	}

	/** Whether an account of that name is configured. */
	public boolean contains(String name) {
		return this.accounts.containsKey(name);
	}

	/**
	 * The account of that name.
	 * @throws IllegalArgumentException when none is configured (commands naming one are
	 * rejected before they run, so this is a bug)
	 */
	public FivetranAccount get(String name) {
		FivetranAccount account = this.accounts.get(name);
		if (account == null) {
			throw new IllegalArgumentException("no Fivetran account '" + name + "' is configured");
		}
		return account;
	}

	/** The account of the single-account settings. */
	public FivetranAccount defaultAccount() {
		return get(AccountName.DEFAULT);
	}

	/** Whether calls for the account may go out now (false for an unknown account). */
	public boolean available(String name) {
		FivetranAccount account = this.accounts.get(name);
		return account != null && account.available();
	}

	/**
	 * This instance's share of every account's budgets: its share of the command
	 * partitions.
	 */
	public void share(int assignedPartitions, int totalPartitions) {
		this.accounts.values().forEach((account) -> account.throttle().share(assignedPartitions, totalPartitions));
	}

	Iterable<FivetranAccount> all() {
		return this.accounts.values();
	}

}
