package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class DestinationCreateHandlerTest extends HandlerTest {

	private final DestinationCreateHandler handler = new DestinationCreateHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void aGroupNamedByNameIsCreatedFirstAndTheDestinationGetsItsId() {
		this.fivetran.answer(FivetranRequests.createGroup(Bodies.empty()), "{'id':'g7','name':'sales'}")
			.answer(FivetranRequests.createDestination(Bodies.empty()), "{'id':'g7','service':'snowflake'}");
		CommandResult result = only(
				this.handler.execute(command("{'group_name':'sales','service':'snowflake','region':'GCP_US_EAST4'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/groups", "POST /v1/destinations");
		FivetranRequest destination = this.fivetran.sent().get(1);
		assertThat(destination.body().path("group_id").asString()).isEqualTo("g7");
		assertThat(destination.body().has("group_name")).isFalse();
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.groupId()).isEqualTo("g7");
		assertThat(result.response().path("group").path("name").asString()).isEqualTo("sales");
	}

	@Test
	void aDestinationRefusedAfterItsGroupWasMadeSaysTheGroupStays() {
		this.fivetran.answer(FivetranRequests.createGroup(Bodies.empty()), "{'id':'g7','name':'sales'}")
			.fail(FivetranRequests.createDestination(Bodies.empty()), FivetranFailures.rejected(400, "bad region"));
		CommandResult result = only(this.handler.execute(command("{'group_name':'sales','service':'snowflake'}")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.groupId()).isEqualTo("g7");
		assertThat(result.reason()).contains("was created (id g7)").contains("The group stays");
	}

	@Test
	void reconcileFindsTheGroupsDestinationAndDoesNotCreateAnother() {
		this.fivetran.answer(FivetranRequests.destinationDetails("g7"), "{'id':'g7','service':'snowflake'}");
		CommandResult result = only(
				this.handler.reconcile(command("{'group_id':'g7','service':'snowflake'}"), NOW.minusSeconds(5)));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/destinations/g7");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.resourceId()).isEqualTo("g7");
		assertThat(result.reason()).contains("reconciled after a restart");
	}

}
