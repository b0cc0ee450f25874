package dev.ftbridge.command.handlers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * {@code fivetran.connection.create}: one create per group ({@code group_ids} fans out,
 * each part with its own result). A create is never sent twice blindly: after a lost
 * answer, and when reconciling a create started before a crash, the group is first asked
 * for a connection with the command's schema.
 */
@Component
class ConnectionCreateHandler extends FivetranHandler {

	private final ConnectionCreates creates;

	ConnectionCreateHandler(HandlerContext context) {
		super(CommandType.CONNECTION_CREATE, context);
		this.creates = new ConnectionCreates(context);
	}

	@Override
	public List<FivetranRequest> requests() {
		return List.of(FivetranRequests.createConnection(Bodies.empty()),
				FivetranRequests.groupConnections(ID, this.pageSize));
	}

	@Override
	public boolean costlyToRepeat(Command command) {
		return true;
	}

	@Override
	public Execution execute(Command command) {
		return create(command, now(), false);
	}

	/** A create looks its connection up before sending, per group. */
	@Override
	public Execution reconcile(Command command, Instant startedAt) {
		return create(command, now(), true);
	}

	private Execution create(Command command, Instant started, boolean lookFirst) {
		List<String> groups = new ArrayList<>();
		if (command.data().has("group_ids")) {
			command.data().get("group_ids").forEach((group) -> groups.add(group.asString()));
		}
		else {
			groups.add(command.text("group_id"));
		}
		List<CommandResult> results = new ArrayList<>();
		for (int index = 0; index < groups.size(); index++) {
			FivetranRequest request = createIn(command, groups.get(index));
			CommandResult.Builder result;
			try {
				JsonNode existing = lookFirst ? existing(command, groups.get(index)) : null;
				if (existing != null) {
					results.add(alreadyCreated(command, started, existing,
							"reconciled after a restart: the connection exists, so the create ran once")
						.groupId(groups.get(index))
						.build(now()));
					continue;
				}
				FivetranResponse response = this.fivetran.execute(request);
				String connectionId = response.dataText("id");
				result = succeeded(command, started, response).resourceId(connectionId).connectionId(connectionId);
			}
			catch (FivetranException ex) {
				result = ex.ambiguous() ? reconcileCreate(command, started, request, groups.get(index), ex)
						: Results.failed(command, started, request, ex);
			}
			result.groupId(groups.get(index));
			if (groups.size() > 1) {
				result.part(index, groups.size());
			}
			results.add(result.build(now()));
		}
		return new Execution(results, List.of());
	}

	/** The create request for one of the groups of a create command. */
	private static FivetranRequest createIn(Command command, String groupId) {
		ObjectNode body = Bodies.without(command.data(), "group_ids");
		body.put("group_id", groupId);
		return FivetranRequests.createConnection(body);
	}

	/**
	 * A create whose answer was lost may or may not have made the connection. Fivetran is
	 * asked first (is there a connection with that schema in the group?); only when it
	 * says no is the create sent again. When it cannot be asked, the outcome is unknown.
	 */
	private CommandResult.Builder reconcileCreate(Command command, Instant started, FivetranRequest request,
			String groupId, FivetranException lost) {
		try {
			JsonNode existing = existing(command, groupId);
			if (existing != null) {
				return alreadyCreated(command, started, existing, "the create's answer was lost (" + lost.getMessage()
						+ "); Fivetran shows the connection, so it was created once")
					.attempts(lost.attempts());
			}
			FivetranResponse response = this.fivetran.execute(request);
			String id = response.dataText("id");
			return succeeded(command, started, response).attempts(lost.attempts() + response.attempts())
				.resourceId(id)
				.connectionId(id)
				.reason("the first create's answer was lost (" + lost.getMessage()
						+ "); Fivetran showed no such connection, so it was sent again");
		}
		catch (FivetranException ex) {
			return Results.failed(command, started, request, lost);
		}
	}

	/** The connection with the command's schema in the group, or {@code null}. */
	private JsonNode existing(Command command, String groupId) {
		return this.creates.existing(groupId, ConnectionCreates.schema(command.data()));
	}

	private static CommandResult.Builder alreadyCreated(Command command, Instant started, JsonNode connection,
			String reason) {
		String id = connection.path("id").asString(null);
		return Results.start(command, Outcome.SUCCEEDED, started)
			.resourceId(id)
			.connectionId(id)
			.response(Results.summary(connection))
			.reason(reason);
	}

}
