/**
 * Completion: everything about a command that does not end with its first result. A
 * costly command is marked started in the command-ledger topic before Fivetran is called
 * ({@link dev.ftbridge.completion.StartedMarks}). An asynchronous operation — sync,
 * resync, tables resync, transformation run — is recorded from {@code ACCEPTED} in the
 * compacted {@code fivetran.pending-operations} topic
 * ({@link dev.ftbridge.completion.PendingOperations}) until its one terminal result. The
 * instance that owns the resource's partition restores the open ones
 * ({@link dev.ftbridge.completion.PendingOperationsConsumer}), keeps them in memory
 * ({@link dev.ftbridge.completion.OperationTracker}, one
 * {@link dev.ftbridge.completion.PartitionOperations} per partition), completes them from
 * Fivetran's webhooks ({@link dev.ftbridge.completion.Observation}) by
 * {@link dev.ftbridge.completion.CompletionRules}, falls back to slow, low-priority
 * polling, and times them out; what a poll reads becomes a status event
 * ({@link dev.ftbridge.completion.PolledStatuses},
 * {@link dev.ftbridge.completion.ConnectionStatuses}, which the status commands use too).
 * Depends on {@code fivetran}, {@code events} and {@code kafka} only; no Kafka type
 * reaches the rules.
 */
package dev.ftbridge.completion;
