package dev.ftbridge.command.handlers;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.CommandResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What handler tests share: a {@link FakeFivetran}, a fixed clock, commands made from
 * JSON, and a check after each test that the handler sent only requests it declares.
 */
abstract class HandlerTest {

	static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	final FakeFivetran fivetran = new FakeFivetran();

	final HandlerContext context = new HandlerContext(this.fivetran, Clock.fixed(NOW, ZoneOffset.UTC), 100);

	/** The handler under test. */
	abstract CommandHandler handler();

	/** A validated command of the handler's type ({@code '} stands for {@code "}). */
	Command command(String data) {
		CommandType type = handler().type();
		ObjectNode node = (ObjectNode) FakeFivetran.parse(data);
		return new Command(UUID.randomUUID().toString(), type, "test", type.resourceKey(node), node,
				NOW.minusSeconds(1));
	}

	/** The one result of an execution that has exactly one. */
	static CommandResult only(Execution execution) {
		assertThat(execution.results()).hasSize(1);
		return execution.results().get(0);
	}

	@AfterEach
	void sentOnlyDeclaredRequests() {
		Set<String> declared = handler().requests().stream().map(FakeFivetran::endpoint).collect(Collectors.toSet());
		assertThat(this.fivetran.sent()).extracting(FakeFivetran::endpoint).allMatch(declared::contains);
	}

}
