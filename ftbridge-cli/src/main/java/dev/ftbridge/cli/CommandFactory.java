package dev.ftbridge.cli;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ftbridge.contract.AccountName;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.CommandValidator;
import dev.ftbridge.contract.ReadResult;
import dev.ftbridge.contract.Rejection;
import dev.ftbridge.contract.CloudEvents;

/**
 * Builds command CloudEvents and checks each exactly as the bridge will read it: the
 * envelope, the type, and the JSON Schema of its {@code data}.
 */
final class CommandFactory {

	private final CommandValidator validator = new CommandValidator();

	private final String source;

	private final Clock clock;

	CommandFactory(String source, Clock clock) {
		this.source = source;
		this.clock = clock;
	}

	/**
	 * The command, or a {@link CliException} saying why the bridge would reject it.
	 * @param key the record key, or {@code null} for the resource the command acts on
	 */
	OutgoingCommand create(String id, String type, String key, JsonNode data) {
		return create(id, type, key, data, null);
	}

	/**
	 * A command for one Fivetran account (its {@code fivetranaccount} attribute), or for
	 * the bridge's {@code default} account when {@code account} is null.
	 */
	OutgoingCommand create(String id, String type, String key, JsonNode data, String account) {
		ObjectNode event = CloudEvents.envelope(id, this.source, type, null, this.clock.instant(), data);
		if (account != null) {
			event.put(AccountName.ATTRIBUTE, account);
		}
		ReadResult read = this.validator.read(key, event.toString().getBytes(StandardCharsets.UTF_8));
		if (read instanceof ReadResult.Rejected rejected) {
			throw CliException.badInput(describe(rejected.rejection()));
		}
		String resourceKey = ((ReadResult.Accepted) read).command().key();
		return new OutgoingCommand(id, type, resourceKey, event);
	}

	private static String describe(Rejection rejection) {
		String detail = rejection.reason() + ": " + rejection.detail();
		if (rejection.reason() == Rejection.Reason.UNKNOWN_TYPE) {
			return detail + " (no schema in topics/schemas/commands; the bridge knows "
					+ Arrays.stream(CommandType.values()).map(CommandType::type).collect(Collectors.joining(", "))
					+ ")";
		}
		return detail;
	}

}
