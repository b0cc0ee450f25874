package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class UserCreateHandlerTest extends HandlerTest {

	private final UserCreateHandler handler = new UserCreateHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void aUserIsInvited() {
		this.fivetran.answer(FivetranRequests.createUser(Bodies.empty()), "{'id':'u1','email':'ann@example.com'}");
		CommandResult result = only(this.handler.execute(command("{'email':'ann@example.com','given_name':'Ann'}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/users");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.resourceId()).isEqualTo("u1");
		assertThat(result.groupId()).isNull();
	}

	@Test
	void reconcileFindsTheInvitationByEmailAndDoesNotInviteAgain() {
		this.fivetran.list(FivetranRequests.listUsers(100), "{'id':'u1','email':'Ann@Example.com'}");
		CommandResult result = only(
				this.handler.reconcile(command("{'email':'ann@example.com','given_name':'Ann'}"), NOW.minusSeconds(5)));
		assertThat(this.fivetran.sentPaths()).containsExactly("GET /v1/users");
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.resourceId()).isEqualTo("u1");
	}

}
