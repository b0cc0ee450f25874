package dev.ftbridge.command.handlers;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * A destination, with its group when the command names the group by {@code group_name}:
 * first {@code POST /v1/groups}, then {@code POST /v1/destinations} for it, as the
 * classic script does. The two are not one transaction: when the destination fails after
 * the group was made, the result says so, with the new group's id, and the group stays.
 * Neither is sent twice blindly: a group is looked up by name and a destination by its
 * group's id ({@code GET /v1/destinations/{group id}}) after a lost answer or a crash.
 */
@Component
class DestinationCreateHandler extends FivetranHandler {

	private final Directory directory;

	DestinationCreateHandler(HandlerContext context) {
		super(CommandType.DESTINATION_CREATE, context);
		this.directory = new Directory(context);
	}

	@Override
	public List<FivetranRequest> requests() {
		return List.of(FivetranRequests.createGroup(Bodies.empty()), FivetranRequests.listGroups(this.pageSize),
				FivetranRequests.createDestination(Bodies.empty()), FivetranRequests.destinationDetails(ID));
	}

	@Override
	public boolean costlyToRepeat(Command command) {
		return true;
	}

	@Override
	public Execution execute(Command command) {
		return create(command, now(), false);
	}

	@Override
	public Execution reconcile(Command command, Instant startedAt) {
		return create(command, now(), true);
	}

	private Execution create(Command command, Instant started, boolean reconciling) {
		String groupId = command.text("group_id");
		JsonNode createdGroup = null;
		if (groupId == null) {
			FivetranRequest request = groupRequest(command);
			try {
				createdGroup = group(command, request, reconciling);
				groupId = createdGroup.path("id").asString(null);
			}
			catch (FivetranException ex) {
				return Execution.of(Results.failed(command, started, request, ex)
					.reason("the group '" + command.text("group_name") + "' could not be created, so neither was the"
							+ " destination: " + ex.getMessage())
					.build(now()));
			}
		}
		return Execution.of(destination(command, started, groupId, createdGroup, reconciling).build(now()));
	}

	/** Creates the group, or finds it when it may exist already. */
	private JsonNode group(Command command, FivetranRequest request, boolean reconciling) {
		String name = command.text("group_name");
		JsonNode existing = reconciling ? this.directory.group(name) : null;
		if (existing != null) {
			return existing;
		}
		try {
			return this.fivetran.execute(request).data();
		}
		catch (FivetranException ex) {
			if (!ex.ambiguous()) {
				throw ex;
			}
			// The answer was lost: sent again only when Fivetran has no such group.
			try {
				existing = this.directory.group(name);
				return (existing != null) ? existing : this.fivetran.execute(request).data();
			}
			catch (FivetranException again) {
				throw ex;
			}
		}
	}

	private CommandResult.Builder destination(Command command, Instant started, String groupId, JsonNode group,
			boolean reconciling) {
		ObjectNode body = Bodies.without(command.data(), "group_name");
		body.put("group_id", groupId);
		FivetranRequest request = FivetranRequests.createDestination(body);
		CommandResult.Builder result;
		JsonNode destination = null;
		try {
			destination = reconciling ? existingDestination(groupId) : null;
			if (destination != null) {
				result = found(command, started, destination, "reconciled after a restart");
			}
			else {
				FivetranResponse response = this.fivetran.execute(request);
				destination = response.data();
				result = created(command, started, response);
			}
		}
		catch (FivetranException ex) {
			Recovered recovered = ex.ambiguous() ? afterLostAnswer(command, started, request, groupId, ex) : null;
			destination = (recovered != null) ? recovered.destination() : null;
			result = (recovered != null) ? recovered.result() : Results.failed(command, started, request, ex);
			if (destination == null && group != null) {
				result.reason("the group '" + group.path("name").asString("") + "' was created (id " + groupId
						+ "), but the destination " + (ex.ambiguous() ? "may not have been" : "was not") + ": "
						+ ex.getMessage() + ". The group stays: send the command again with group_id " + groupId
						+ ", or delete the group");
			}
		}
		result.groupId(groupId);
		if (group != null) {
			JsonNode summary = (destination != null) ? Results.summary(destination) : null;
			ObjectNode response = (summary instanceof ObjectNode object) ? object
					: JsonNodeFactory.instance.objectNode();
			response.set("group", Results.summary(group));
			result.response(response);
		}
		return result;
	}

	private CommandResult.Builder found(Command command, Instant started, JsonNode destination, String why) {
		return created(command, started, new FivetranResponse(200, "Success", null, destination, 1))
			.reason(why + ": Fivetran shows the group's destination, so it was created once");
	}

	/** A created destination: its id is the result's resource id. */
	private CommandResult.Builder created(Command command, Instant started, FivetranResponse response) {
		return succeeded(command, started, response).resourceId(response.data().path("id").asString(null));
	}

	private JsonNode existingDestination(String groupId) {
		try {
			return this.fivetran.execute(FivetranRequests.destinationDetails(groupId)).data();
		}
		catch (FivetranException ex) {
			if (ex.notFound()) {
				return null;
			}
			throw ex;
		}
	}

	/**
	 * After a lost answer: the group's destination if Fivetran shows one, else the create
	 * sent again; {@code null} when neither could be done (the outcome stays unknown).
	 */
	private Recovered afterLostAnswer(Command command, Instant started, FivetranRequest request, String groupId,
			FivetranException lost) {
		try {
			JsonNode existing = existingDestination(groupId);
			if (existing != null) {
				return new Recovered(existing, found(command, started, existing, "the create's answer was lost"));
			}
			FivetranResponse response = this.fivetran.execute(request);
			return new Recovered(response.data(),
					created(command, started, response).attempts(lost.attempts() + response.attempts())
						.reason("the first create's answer was lost (" + lost.getMessage()
								+ "); Fivetran showed no destination for the group, so it was sent again"));
		}
		catch (FivetranException ex) {
			return null;
		}
	}

	/** A destination found or created after a lost answer, and its result. */
	private record Recovered(JsonNode destination, CommandResult.Builder result) {

	}

	private static FivetranRequest groupRequest(Command command) {
		return FivetranRequests
			.createGroup(JsonNodeFactory.instance.objectNode().put("name", command.text("group_name")));
	}

}
