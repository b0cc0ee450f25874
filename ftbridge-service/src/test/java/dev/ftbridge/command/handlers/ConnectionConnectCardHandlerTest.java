package dev.ftbridge.command.handlers;

import org.junit.jupiter.api.Test;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranFailures;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionConnectCardHandlerTest extends HandlerTest {

	private static final String CARD = """
			{'connector_id':'c1','connect_card':{'token':'eyJ.tok.en',
			 'uri':'https://fivetran.com/connect-card/setup?redirect_uri=https://p.example/done&auth=eyJ.tok.en'},
			 'connect_card_config':{'redirect_uri':'https://p.example/done','hide_setup_guide':true}}""";

	private final ConnectionConnectCardHandler handler = new ConnectionConnectCardHandler(this.context);

	@Override
	CommandHandler handler() {
		return this.handler;
	}

	@Test
	void connectCardSendsTheCardOptionsAsConnectCardConfigAndReturnsTheUri() {
		this.fivetran.answer(FivetranRequests.connectCard("c1", Bodies.empty()), CARD);
		CommandResult result = only(this.handler.execute(command(
				"{'connection_id':'c1','redirect_uri':'https://p.example/done','hide_setup_guide':true,'all_fields':false}")));
		FivetranRequest sent = this.fivetran.sent().get(0);
		assertThat(this.fivetran.sentPaths()).containsExactly("POST /v1/connections/c1/connect-card");
		assertThat(sent.acceptVersion2()).isTrue();
		assertThat(sent.body()).isEqualTo(FakeFivetran.parse(
				"{'connect_card_config':{'redirect_uri':'https://p.example/done','hide_setup_guide':true,'all_fields':false}}"));
		assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(result.connectionId()).isEqualTo("c1");
		assertThat(result.response().at("/connect_card/uri").asString()).contains("auth=eyJ.tok.en");
		assertThat(result.response().at("/connect_card/token").asString()).isEqualTo("eyJ.tok.en");
	}

	@Test
	void connectCardForAMissingConnectionFailsWithoutTheCardOptionsInTheReason() {
		this.fivetran.fail(FivetranRequests.connectCard("gone", Bodies.empty()),
				FivetranFailures.rejected(404, "Connection not found"));
		CommandResult result = only(
				this.handler.execute(command("{'connection_id':'gone','redirect_uri':'https://p.example/done'}")));
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.httpStatus()).isEqualTo(404);
		assertThat(result.retryable()).isFalse();
		assertThat(result.response()).isNull();
	}

	@Test
	void connectCardIsNeitherAsyncNorCostly() {
		assertThat(this.handler.async()).isFalse();
		assertThat(this.handler.costlyToRepeat(command("{'connection_id':'c1','redirect_uri':'https://p.example/d'}")))
			.isFalse();
	}

}
