package dev.ftbridge.fivetran;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.ftbridge.contract.AccountName;

/**
 * Readiness of the named accounts (shown in health as {@code fivetranAccounts}; the
 * account {@code default} is {@code fivetran}): out of service while any of them is
 * unavailable, naming each with its circuit state. Up, with no accounts, when only
 * {@code default} is configured.
 */
class AccountsHealth implements HealthIndicator {

	private final FivetranAccounts accounts;

	AccountsHealth(FivetranAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public Health health() {
		boolean allAvailable = true;
		Health.Builder health = Health.up();
		for (FivetranAccount account : this.accounts.all()) {
			if (AccountName.DEFAULT.equals(account.name())) {
				continue;
			}
			Health own = account.availability().health();
			allAvailable &= account.available();
			health.withDetail(account.name(), own.getStatus().getCode() + " (circuit " + own.getDetails().get("circuit")
					+ ((account.available()) ? "" : ", commands wait") + ")");
		}
		return allAvailable ? health.build() : health.outOfService().build();
	}

}
