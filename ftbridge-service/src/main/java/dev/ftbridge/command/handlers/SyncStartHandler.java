package dev.ftbridge.command.handlers;

import java.time.Instant;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * A command that starts a sync (sync, resync, tables resync): Fivetran finishes it later,
 * and repeating it would start a costly sync again. Reconciled from the connection's sync
 * state: a sync that began or ended since the command started means it landed.
 */
abstract class SyncStartHandler extends SingleRequestHandler {

	private final Reconciliation reconciliation;

	SyncStartHandler(CommandType type, HandlerContext context, FivetranRequest request) {
		super(type, context, request, FivetranRequests.connectionDetails(ID));
		this.reconciliation = new Reconciliation(context);
	}

	@Override
	public boolean async() {
		return true;
	}

	@Override
	public boolean costlyToRepeat(Command command) {
		return true;
	}

	@Override
	public Execution reconcile(Command command, Instant startedAt) {
		return this.reconciliation.sync(command, startedAt, now());
	}

}
