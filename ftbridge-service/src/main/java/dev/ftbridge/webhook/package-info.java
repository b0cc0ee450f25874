/**
 * Inbound: Fivetran's webhook callbacks, HTTP → inbox → status, per Fivetran account
 * ({@link dev.ftbridge.webhook.WebhookAccounts}: a path and secrets each; the account
 * travels as a record header and into every status event).
 * {@link dev.ftbridge.webhook.WebhookController} verifies the signature over the exact
 * raw body and answers 2xx only once the body is durably in the {@code fivetran.webhooks}
 * inbox topic ({@link dev.ftbridge.webhook.WebhookInbox}).
 * {@link dev.ftbridge.webhook.WebhookListener} consumes the inbox, partition by
 * partition, in one listener with the pending-operations topic (whose records it hands to
 * {@code completion}); {@link dev.ftbridge.webhook.WebhookProcessor} drops repeats,
 * publishes status events and hands sync and run events to {@code completion}.
 */
package dev.ftbridge.webhook;
