package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The update handlers share one shape: the id goes into the path, the rest is the body.
 */
class AdminUpdateHandlersTest extends HandlerTest {

	private CommandHandler handler = new WebhookUpdateHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void webhookUpdatePatchesTheWebhookWithoutItsId() {
		this.fivetran.answer(FivetranRequests.updateWebhook("w1", Bodies.empty()), "{'id':'w1','secret':'******'}");
		CommandResult result = only(this.handler.execute(command("{'webhook_id':'w1','active':false}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("PATCH /v1/webhooks/w1");
		assertThat(this.fivetran.sent().get(0).body()).isEqualTo(FakeFivetran.parse("{'active':false}"));
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.resourceId()).isEqualTo("w1");
		assertThat(result.response().has("secret")).isFalse();
	}

	@Test
	void destinationUpdatePatchesWithVersion2() {
		this.handler = new DestinationUpdateHandler(this.context);
		this.fivetran.answer(FivetranRequests.updateDestination("g1", Bodies.empty()), "{'id':'g1'}");
		CommandResult result = only(this.handler
			.execute(command("{'destination_id':'g1','time_zone_offset':'+1','run_setup_tests':false}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("PATCH /v1/destinations/g1");
		assertThat(this.fivetran.sent().get(0).acceptVersion2()).isTrue();
		assertThat(this.fivetran.sent().get(0).body().has("destination_id")).isFalse();
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

	@Test
	void userDeleteUsesTheDefinitionsIdVariable() {
		this.handler = new UserDeleteHandler(this.context);
		this.fivetran.answer(FivetranRequests.deleteUser("u1"), "{}");
		CommandResult result = only(this.handler.execute(command("{'user_id':'u1'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("DELETE /v1/users/u1");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
	}

}
