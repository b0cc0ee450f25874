package dev.ftbridge.command.handlers;

import org.springframework.stereotype.Component;

import dev.ftbridge.contract.CommandType;
import dev.ftbridge.fivetran.FivetranRequest;
import dev.ftbridge.fivetran.FivetranRequests;

/** {@code fivetran.webhook.delete}: {@code DELETE /v1/webhooks/{webhookId}}. */
@Component
class WebhookDeleteHandler extends AdminDeleteHandler {

	WebhookDeleteHandler(HandlerContext context) {
		super(CommandType.WEBHOOK_DELETE, context, "webhook_id", FivetranRequests.deleteWebhook(ID),
				FivetranRequests.webhookDetails(ID));
	}

	@Override
	FivetranRequest details(String id) {
		return FivetranRequests.webhookDetails(id);
	}

	@Override
	FivetranRequest delete(String id) {
		return FivetranRequests.deleteWebhook(id);
	}

}
