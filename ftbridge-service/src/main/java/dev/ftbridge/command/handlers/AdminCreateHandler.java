package dev.ftbridge.command.handlers;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.contract.CommandResult;
import dev.ftbridge.contract.Outcome;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranResponse;

/**
 * An account admin create: a group, a user (an invitation), a team or a webhook. Costly
 * to repeat, and never sent twice blindly: when its answer was lost, or when it was
 * started before a crash, Fivetran is asked first whether the resource exists and the
 * create is sent again only when it does not. A resource that cannot be looked up that
 * way (a webhook: nothing unique names it) then ends {@code OUTCOME_UNKNOWN}.
 */
abstract class AdminCreateHandler extends FivetranHandler {

	final Directory directory;

	private final List<FivetranRequest> requests;

	AdminCreateHandler(CommandType type, HandlerContext context, FivetranRequest... requests) {
		super(type, context);
		this.directory = new Directory(context);
		this.requests = List.of(requests);
	}

	/** The create request. */
	abstract FivetranRequest request(Command command);

	/**
	 * Finds the resource the command creates, or {@code null} when it cannot be looked up
	 * (then a create that may have landed is never sent again).
	 */
	abstract Supplier<JsonNode> lookup(Command command);

	@Override
	public List<FivetranRequest> requests() {
		return this.requests;
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

	/** Sets the created resource's ids on its result: its id is the resource id. */
	CommandResult.Builder withIds(CommandResult.Builder result, String id) {
		return result.resourceId(id);
	}

	/**
	 * One create: looked up first when reconciling, looked up after a lost answer, and
	 * sent again only when Fivetran has no such resource.
	 */
	private Execution create(Command command, Instant started, boolean reconciling) {
		FivetranRequest request = request(command);
		Supplier<JsonNode> lookup = lookup(command);
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
		return Execution.of(result.build(now()));
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

	private CommandResult.Builder created(Command command, Instant started, FivetranResponse response) {
		return withIds(succeeded(command, started, response), response.data().path("id").asString(null));
	}

	private CommandResult.Builder existing(Command command, Instant started, JsonNode resource, String reason) {
		return withIds(Results.start(command, Outcome.SUCCEEDED, started), resource.path("id").asString(null))
			.response(Results.summary(resource))
			.reason(reason);
	}

}
