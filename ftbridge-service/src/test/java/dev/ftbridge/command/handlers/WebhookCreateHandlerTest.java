package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookCreateHandlerTest extends HandlerTest {

	private final WebhookCreateHandler handler = new WebhookCreateHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void aGroupWebhookGoesToTheGroupAndAnAccountWebhookToTheAccount() {
		this.fivetran.answer(FivetranRequests.createGroupWebhook("g", Bodies.empty()), "{'id':'w1'}")
			.answer(FivetranRequests.createAccountWebhook(Bodies.empty()), "{'id':'w2'}");
		CommandResult group = only(
				this.handler.execute(command("{'group_id':'g1','url':'https://example.com/h','events':['sync_end']}")));
		CommandResult account = only(
				this.handler.execute(command("{'url':'https://example.com/h','events':['sync_end']}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/webhooks/group/g1",
				"POST /v1/webhooks/account");
		assertThat(this.fivetran.sent().get(0).body().has("group_id")).isFalse();
		assertThat(group.resourceId()).isEqualTo("w1");
		assertThat(account.resourceId()).isEqualTo("w2");
	}

	@Test
	void reconcileCannotLookAWebhookUpSoItIsUnknownAndNotSent() {
		CommandResult result = only(this.handler
			.reconcile(command("{'url':'https://example.com/h','events':['sync_end']}"), NOW.minusSeconds(5)));
		assertThat(this.fivetran.sent()).isEmpty();
		assertThat(result.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
		assertThat(result.retryable()).isFalse();
	}

	@Test
	void aLostAnswerIsUnknownAndNotSentAgain() {
		this.fivetran.fail(FivetranRequests.createAccountWebhook(Bodies.empty()), FivetranFailures.lostAnswer());
		CommandResult result = only(
				this.handler.execute(command("{'url':'https://example.com/h','events':['sync_end']}")));
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/webhooks/account");
		assertThat(result.outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
	}

}
