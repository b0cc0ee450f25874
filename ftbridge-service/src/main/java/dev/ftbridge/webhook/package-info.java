/**
 * Inbound: Fivetran's webhook callbacks. {@link dev.ftbridge.webhook.WebhookController}
 * verifies the signature over the exact raw body and answers 2xx only once the body is
 * durably in the {@code fivetran.webhooks} inbox topic
 * ({@link dev.ftbridge.webhook.WebhookInbox}).
 * {@link dev.ftbridge.webhook.WebhookListener} consumes the inbox together with the
 * pending operations, partition by partition;
 * {@link dev.ftbridge.webhook.WebhookProcessor} drops repeats, publishes status events
 * and hands sync and run events to the pending operations.
 */
package dev.ftbridge.webhook;
