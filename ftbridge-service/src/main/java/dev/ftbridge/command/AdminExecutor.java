package dev.ftbridge.command;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * The account admin commands: create a group, a user (an invitation), a team or a
 * webhook. A create is never sent twice blindly: when its answer was lost, or when it was
 * started before a crash, Fivetran is asked first whether the resource exists (a group or
 * team by name, a user by email) and the create is sent again only when it does not. A
 * webhook cannot be looked up that way (nothing unique names it), so its outcome is then
 * {@code OUTCOME_UNKNOWN}. Destinations: {@link DestinationCreation}.
 */
class AdminExecutor {

	private final FivetranCalls fivetran;

	private final Clock clock;

	private final int pageSize;

	AdminExecutor(FivetranCalls fivetran, Clock clock, int pageSize) {
		this.fivetran = fivetran;
		this.clock = clock;
		this.pageSize = pageSize;
	}

	/**
	 * Runs an admin create; {@code reconciling} when it was started before a crash.
	 */
	Execution execute(Command command, Instant started, boolean reconciling) {
		ObjectNode body = command.data().deepCopy();
		return switch (command.type()) {
			case GROUP_CREATE -> create(command, started, reconciling, FivetranRequests.createGroup(body),
					() -> findGroup(command.text("name")));
			case USER_CREATE -> create(command, started, reconciling, FivetranRequests.createUser(body),
					() -> find(FivetranRequests.listUsers(this.pageSize), "email", command.text("email")));
			case TEAM_CREATE -> create(command, started, reconciling, FivetranRequests.createTeam(body),
					() -> find(FivetranRequests.listTeams(this.pageSize), "name", command.text("name")));
			case WEBHOOK_CREATE -> create(command, started, reconciling, webhook(command), null);
			case DESTINATION_CREATE ->
				new DestinationCreation(this, this.fivetran, this.clock).execute(command, started, reconciling);
			default -> throw new IllegalArgumentException(command.type() + " is not an admin create");
		};
	}

	/** The group with that name, or {@code null}. */
	JsonNode findGroup(String name) {
		return find(FivetranRequests.listGroups(this.pageSize), "name", name);
	}

	/**
	 * One create: looked up first when reconciling, looked up after a lost answer, and
	 * sent again only when Fivetran has no such resource. A {@code null} lookup means the
	 * resource cannot be found again: such a create is never re-sent.
	 */
	private Execution create(Command command, Instant started, boolean reconciling, FivetranRequest request,
			Supplier<JsonNode> lookup) {
		CommandResult.Builder result;
		try {
			if (reconciling) {
				result = (lookup != null) ? reconciled(command, started, request, lookup)
						: Results.start(command, Outcome.OUTCOME_UNKNOWN, started)
							.reason("reconciled after a restart: the create may have reached Fivetran before the"
									+ " restart, and a webhook cannot be looked up by anything unique; it is not sent"
									+ " again (list GET /v1/webhooks to check)")
							.retryable(false);
			}
			else {
				result = created(command, started, this.fivetran.execute(request));
			}
		}
		catch (FivetranException ex) {
			result = (ex.ambiguous() && lookup != null) ? afterLostAnswer(command, started, request, lookup, ex)
					: Results.failed(command, started, request, ex);
		}
		return Execution.of(result.build(this.clock.instant()));
	}

	private CommandResult.Builder reconciled(Command command, Instant started, FivetranRequest request,
			Supplier<JsonNode> lookup) {
		JsonNode existing = lookup.get();
		if (existing != null) {
			return existing(command, started, existing,
					"reconciled after a restart: Fivetran shows it, so the create ran once");
		}
		return created(command, started, this.fivetran.execute(request))
			.reason("reconciled after a restart: Fivetran showed no such resource, so the create was sent");
	}

	private CommandResult.Builder afterLostAnswer(Command command, Instant started, FivetranRequest request,
			Supplier<JsonNode> lookup, FivetranException lost) {
		try {
			JsonNode existing = lookup.get();
			if (existing != null) {
				return existing(command, started, existing,
						"the create's answer was lost (" + lost.getMessage() + "); Fivetran shows it, so it ran once")
					.attempts(lost.attempts());
			}
			FivetranResponse response = this.fivetran.execute(request);
			return created(command, started, response).attempts(lost.attempts() + response.attempts())
				.reason("the first create's answer was lost (" + lost.getMessage()
						+ "); Fivetran showed no such resource, so it was sent again");
		}
		catch (FivetranException ex) {
			return Results.failed(command, started, request, lost);
		}
	}

	/** A created resource: its id is the result's resource id. */
	CommandResult.Builder created(Command command, Instant started, FivetranResponse response) {
		return withIds(command, Results.succeeded(command, started, response), response.data());
	}

	private CommandResult.Builder existing(Command command, Instant started, JsonNode resource, String reason) {
		return withIds(command, Results.start(command, Outcome.SUCCEEDED, started), resource)
			.response(Results.summary(resource))
			.reason(reason);
	}

	private static CommandResult.Builder withIds(Command command, CommandResult.Builder result, JsonNode resource) {
		String id = resource.path("id").asString(null);
		result.resourceId(id);
		if (command.type() == CommandType.GROUP_CREATE) {
			result.groupId(id);
		}
		return result;
	}

	private JsonNode find(FivetranRequest list, String field, String value) {
		for (JsonNode item : this.fivetran.listAll(list).items()) {
			if (value != null && value.equalsIgnoreCase(item.path(field).asString(null))) {
				return item;
			}
		}
		return null;
	}

	private static FivetranRequest webhook(Command command) {
		String group = command.text("group_id");
		ObjectNode body = CommandRequests.bodyWithout(command.data(), "group_id");
		return (group != null) ? FivetranRequests.createGroupWebhook(group, body)
				: FivetranRequests.createAccountWebhook(body);
	}

}
