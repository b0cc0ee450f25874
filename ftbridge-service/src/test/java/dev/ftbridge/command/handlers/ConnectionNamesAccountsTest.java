package dev.ftbridge.command.handlers;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.ConnectionName;
import dev.ftbridge.fivetran.FivetranClient;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.FivetranResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ConnectionNames} keeps what it read per Fivetran account: group names and ids
 * are an account's own, so another account's lookup reads its own listings.
 */
class ConnectionNamesAccountsTest {

	private final FakeFivetran fivetran = new FakeFivetran();

	private final SwitchingPort port = new SwitchingPort(this.fivetran);

	private final ConnectionNames names = new ConnectionNames(
			new HandlerContext(this.port, Clock.fixed(Instant.parse("2026-12-05T08:00:00Z"), ZoneOffset.UTC), 100));

	@Test
	void aListingReadForOneAccountIsNotUsedForAnother() {
		this.fivetran.list(FivetranRequests.listGroups(100), "{'id':'g1','name':'Warehouse'}")
			.list(FivetranRequests.groupConnections("g1", 100), "{'id':'c1','schema':'billing'}");
		ConnectionName name = new ConnectionName(null, "Warehouse", "billing");
		assertThat(this.names.find(name)).isInstanceOf(ConnectionNames.Match.Found.class);
		assertThat(this.fivetran.sentPaths()).hasSize(2);
		assertThat(this.names.find(name)).as("cached for default").isInstanceOf(ConnectionNames.Match.Found.class);
		assertThat(this.fivetran.sentPaths()).hasSize(2);
		this.port.account = "eu";
		this.names.find(name);
		assertThat(this.fivetran.sentPaths()).as("eu reads its own groups and connections")
			.containsExactly("GET /v1/groups", "GET /v1/groups/g1/connections", "GET /v1/groups",
					"GET /v1/groups/g1/connections");
		this.port.account = "default";
		this.names.find(name);
		assertThat(this.fivetran.sentPaths()).as("default's are still cached").hasSize(4);
	}

	/** The fake, answering for whichever account is set. */
	private static final class SwitchingPort implements FivetranPort {

		private final FakeFivetran fake;

		private String account = "default";

		SwitchingPort(FakeFivetran fake) {
			this.fake = fake;
		}

		@Override
		public FivetranResponse execute(FivetranRequest request) {
			return this.fake.execute(request);
		}

		@Override
		public FivetranClient.Items listAll(FivetranRequest request) {
			return this.fake.listAll(request);
		}

		@Override
		public String account() {
			return this.account;
		}

	}

}
