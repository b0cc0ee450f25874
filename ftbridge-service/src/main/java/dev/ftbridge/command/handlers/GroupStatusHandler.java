package dev.ftbridge.command.handlers;

import dev.ftbridge.completion.ConnectionStatuses;
import dev.ftbridge.fivetran.ConnectionDetails;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.events.ConnectionStatusObserved;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranClient;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * {@code fivetran.group.status}: every connection of a group (all pages), filtered by
 * state, published as status events; the result counts them.
 */
@Component
class GroupStatusHandler extends FivetranHandler {

	GroupStatusHandler(HandlerContext context) {
		super(CommandType.GROUP_STATUS, context);
	}

	@Override
	public List<FivetranRequest> requests() {
		return List.of(FivetranRequests.groupConnections(ID, this.pageSize));
	}

	@Override
	public Execution execute(Command command) {
		Instant started = now();
		FivetranRequest request = FivetranRequests.groupConnections(command.text("group_id"), this.pageSize);
		try {
			FivetranClient.Items list = this.fivetran.listAll(request);
			List<ConnectionDetails> connections = list.connections();
			StateFilter filter = StateFilter.of(command.data());
			Instant now = now();
			List<ConnectionStatusObserved> statuses = connections.stream()
				.filter(filter::matches)
				.map((connection) -> ConnectionStatuses
					.observed(connection.id(), connection, "command", command.id(), now)
					.withAccount(command.account()))
				.toList();
			JsonNodeFactory nodes = JsonNodeFactory.instance;
			CommandResult result = Results.start(command, Outcome.SUCCEEDED, started)
				.attempts(list.requests())
				.response(nodes.objectNode().put("connections", connections.size()).put("matched", statuses.size()))
				.build(now());
			return new Execution(List.of(result), statuses);
		}
		catch (FivetranException ex) {
			return failed(command, started, request, ex);
		}
	}

}
