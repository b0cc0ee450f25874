package dev.ftbridge.command.handlers;

import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * {@code fivetran.connection.delete}. Costly to repeat: a delete sent again after it
 * landed is answered 404 and would be reported FAILED. Reconciled by looking the
 * connection up: gone means the delete landed; still there, it is deleted now.
 */
@Component
class ConnectionDeleteHandler extends SingleRequestHandler {

	private final Reconciliation reconciliation;

	ConnectionDeleteHandler(HandlerContext context) {
		super(CommandType.CONNECTION_DELETE, context, FivetranRequests.deleteConnection(ID),
				FivetranRequests.connectionDetails(ID));
		this.reconciliation = new Reconciliation(context);
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.deleteConnection(command.text("connection_id"));
	}

	@Override
	public boolean costlyToRepeat(Command command) {
		return true;
	}

	@Override
	public Execution reconcile(Command command, Instant startedAt) {
		return this.reconciliation.delete(command, startedAt, now(), () -> execute(command));
	}

}
