/**
 * Asynchronous operations — sync, resync, tables resync, transformation run — from
 * {@code ACCEPTED} to their one terminal result. The command path records each accepted
 * operation in the compacted {@code fivetran.pending-operations} topic
 * ({@link dev.ftbridge.operations.PendingOperations}); the instance that owns the
 * resource's partition keeps the open ones in memory
 * ({@link dev.ftbridge.operations.OperationDesk}), completes them from Fivetran's
 * webhooks ({@link dev.ftbridge.operations.Observation}), falls back to slow,
 * low-priority polling, and times them out (a timed-out transformation run whose command
 * set {@code cancel_on_timeout} is cancelled first, through
 * {@link dev.ftbridge.operations.Lookups}). Depends on {@code fivetran} and
 * {@code events} only; no Kafka type reaches the rules.
 */
package dev.ftbridge.operations;
