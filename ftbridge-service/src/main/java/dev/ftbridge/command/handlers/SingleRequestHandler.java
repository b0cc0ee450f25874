package dev.ftbridge.command.handlers;

import java.time.Instant;
import java.util.List;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranException;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranResponse;

/** A command carried out by one Fivetran request, whose answer is the result. */
abstract class SingleRequestHandler extends FivetranHandler {

	private final List<FivetranRequest> requests;

	SingleRequestHandler(CommandType type, HandlerContext context, FivetranRequest... requests) {
		super(type, context);
		this.requests = List.of(requests);
	}

	/** The request that carries out the command. */
	abstract FivetranRequest request(Command command);

	@Override
	public List<FivetranRequest> requests() {
		return this.requests;
	}

	@Override
	public Execution execute(Command command) {
		Instant started = now();
		FivetranRequest request = request(command);
		try {
			return answered(command, started, this.fivetran.execute(request));
		}
		catch (FivetranException ex) {
			return failed(command, started, request, ex);
		}
	}

	/** What Fivetran's answer means: by default, that the command was carried out. */
	Execution answered(Command command, Instant started, FivetranResponse response) {
		return Execution.of(succeeded(command, started, response).build(now()));
	}

}
