package dev.ftbridge.command;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import dev.ftbridge.resilience.SandboxBridgeTest;
import dev.ftbridge.sandbox.LoggedRequest;
import dev.ftbridge.support.Commands;
import dev.ftbridge.support.TopicRecorder.Recorded;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fivetran.connection.connect_card}, and a create that asks for a Connect Card,
 * end to end against the sandbox: the request Fivetran receives, the card in the result,
 * and the card's token and URI nowhere in the bridge's log output.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "ftbridge.test.context=transformations-and-cards", "ftbridge.operations.timeout=8s",
		"ftbridge.operations.poll-after=1s", "ftbridge.operations.poll-interval=500ms",
		"ftbridge.operations.tick=200ms" })
class ConnectCardIntegrationTest extends SandboxBridgeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String REDIRECT = "https://portal.example.com/connected";

	@Test
	void connectCardReturnsTheUriInTheResultAndNeverInTheLogs(CapturedOutput output) {
		String group = sandbox.state().addGroup(unique("cards")).id();
		String connection = sandbox.state().addConnection(group, "postgres", unique("pg"));
		String id = Commands.newId();
		commands().send(connection, id, "fivetran.connection.connect_card", """
				{"connection_id":"%s","redirect_uri":"%s","hide_setup_guide":true}""".formatted(connection, REDIRECT));
		Recorded result = resultOf(id);

		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		assertThat(result.dataText("connection_id")).isEqualTo(connection);
		String token = result.data().at("/response/connect_card/token").asString();
		String uri = result.data().at("/response/connect_card/uri").asString();
		assertThat(token).startsWith("eyJ").hasSizeGreaterThan(20);
		assertThat(uri).contains("auth=" + token).contains("hide_setup_guide=true");
		List<LoggedRequest> sent = sandbox.requestLog()
			.matching((r) -> r.method().equals("POST")
					&& r.path().equals("/v1/connections/" + connection + "/connect-card"));
		assertThat(sent).hasSize(1);
		assertThat(json(sent.get(0).body())).isEqualTo(json("""
				{"connect_card_config":{"redirect_uri":"%s","hide_setup_guide":true}}""".formatted(REDIRECT)));
		assertThat(sent.get(0).headers().get("Accept")).containsExactly("application/json;version=2");
		assertNotLogged(output, id, token, uri);
	}

	@Test
	void aCreateThatAsksForAConnectCardReturnsItInTheResultAndNeverInTheLogs(CapturedOutput output) {
		String group = sandbox.state().addGroup(unique("created_cards")).id();
		String schema = unique("pg_card");
		String id = Commands.newId();
		commands().send(group + "/" + schema, id, "fivetran.connection.create", """
				{"group_id":"%s","service":"postgres","run_setup_tests":false,
				 "config":{"schema":"%s","password":"pw"},
				 "connect_card_config":{"redirect_uri":"%s"}}""".formatted(group, schema, REDIRECT));
		Recorded result = resultOf(id);

		assertThat(result.dataText("outcome")).isEqualTo("SUCCEEDED");
		String token = result.data().at("/response/connect_card/token").asString();
		String uri = result.data().at("/response/connect_card/uri").asString();
		assertThat(uri).contains("auth=" + token);
		assertThat(result.data().at("/response/connect_card_config/redirect_uri").asString()).isEqualTo(REDIRECT);
		assertNotLogged(output, id, token, uri);
	}

	@Test
	void connectCardForAMissingConnectionFailsWithFivetransNotFound() {
		String id = Commands.newId();
		commands().send("gone", id, "fivetran.connection.connect_card",
				"{\"connection_id\":\"gone\",\"redirect_uri\":\"" + REDIRECT + "\"}");
		Recorded result = resultOf(id);
		assertThat(result.dataText("outcome")).isEqualTo("FAILED");
		assertThat(result.data().path("http_status").asInt()).isEqualTo(404);
		assertThat(result.data().has("response")).isFalse();
	}

	@Test
	void aConnectCardWithoutARedirectUriIsRejectedBeforeFivetranIsCalled() {
		String id = Commands.newId();
		String connection = unique("no_redirect");
		commands().send(connection, id, "fivetran.connection.connect_card",
				"{\"connection_id\":\"" + connection + "\"}");
		assertThat(resultOf(id).dataText("outcome")).isEqualTo("REJECTED");
		assertThat(sandbox.requestLog().matching((r) -> r.path().contains(connection))).isEmpty();
	}

	/**
	 * The bridge's log output names the command (so it is the bridge's output) but holds
	 * neither the card's token nor its URI.
	 */
	private static void assertNotLogged(CapturedOutput output, String commandId, String token, String uri) {
		String logs = output.getAll();
		assertThat(logs).as("the captured logs are the bridge's").contains(commandId);
		assertThat(logs).as("log output containing the Connect Card token").doesNotContain(token);
		assertThat(logs).as("log output containing the Connect Card URI").doesNotContain(uri);
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
