package dev.ftbridge.command.handlers;

import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.Command;
import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/**
 * {@code fivetran.transformation.run}: each call starts a run, which Fivetran finishes
 * later. Reconciled from the transformation's last start.
 */
@Component
class TransformationRunHandler extends SingleRequestHandler {

	private final Reconciliation reconciliation;

	TransformationRunHandler(HandlerContext context) {
		super(CommandType.TRANSFORMATION_RUN, context, FivetranRequests.runTransformation(ID, Bodies.empty()),
				FivetranRequests.transformationDetails(ID));
		this.reconciliation = new Reconciliation(context);
	}

	@Override
	FivetranRequest request(Command command) {
		return FivetranRequests.runTransformation(command.text("transformation_id"),
				Bodies.without(command.data(), "transformation_id", "cancel_on_timeout"));
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
		return this.reconciliation.run(command, startedAt, now());
	}

}
