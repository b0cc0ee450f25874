/**
 * What each command type does: one {@link dev.ftbridge.command.handlers.CommandHandler}
 * bean per {@link dev.ftbridge.contract.CommandType}, collected by
 * {@link dev.ftbridge.command.handlers.CommandHandlers}, which refuses to start unless
 * every type has exactly one. A handler declares the Fivetran requests it sends, whether
 * Fivetran finishes the work later ({@code async}: the first result is {@code ACCEPTED}),
 * whether running it twice would cost something ({@code
 * costlyToRepeat}: it is marked started before Fivetran is called) and how it reconciles
 * a command started before a crash ({@code reconcile}). Handlers call Fivetran only
 * through {@link dev.ftbridge.command.handlers.FivetranPort}, so each is unit-tested with
 * an in-memory fake; they have no Kafka types.
 *
 * <p>
 * Shared shapes: {@code SingleRequestHandler} (one request, its answer is the result),
 * {@code SyncStartHandler} (sync, resync, tables resync), {@code AdminCreateHandler}
 * (creates found again by a unique name), {@code AdminDeleteHandler} (deletes reconciled
 * by a lookup; those of things holding connections need {@code force}), {@code
 * MembershipTarget} (who and where a membership grant or revoke names). {@code Results}
 * builds result events, {@code Reconciliation} asks Fivetran what a costly command did
 * before a crash. {@code NamedConnections} (with its cached lookup
 * {@code ConnectionNames}) lets any connection command name its connection instead of
 * giving its id: the registry resolves the name before the handler runs, so handlers only
 * ever see {@code connection_id}.
 *
 * <h2>Adding a command type</h2>
 * <ol>
 * <li>Its contract: the CloudEvent type and the field naming its resource as a
 * {@link dev.ftbridge.contract.CommandType} constant, and its JSON Schema in
 * {@code topics/schemas/commands/<type>.json}.</li>
 * <li>Its handler: a {@code @Component} class here, built from a
 * {@link dev.ftbridge.command.handlers.HandlerContext}, extending the shared shape that
 * fits; it declares its requests and, if it is async or costly to repeat, says so and
 * overrides {@code reconcile}. Requests come from {@code fivetran/FivetranRequests}.</li>
 * <li>Its test: a {@code <Name>HandlerTest} beside the others, run against
 * {@code FakeFivetran}, asserting the requests sent and the result produced.</li>
 * </ol>
 * Nothing else changes: the registry finds the bean, and the reader, the ledger and the
 * processor ask the registry.
 */
package dev.ftbridge.command.handlers;
