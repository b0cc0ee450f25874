/**
 * The Fivetran sandbox: a stateful stand-in for Fivetran's REST API that the tests, the
 * local run and the benchmarks share. It serves Fivetran's paths, status codes and
 * {@code {code, message, data}} envelope, enforces the documented per-account rate limits
 * with rolling windows ({@code 429}, {@code Retry-After}, {@code X-Rate-Limit-*}), adds
 * latency per endpoint class, injects faults (5xx, timeouts, resets, outages, 401), keeps
 * a request log, runs sync and transformation lifecycles through a {@link SyncEngine}
 * seam that publishes {@link SandboxEvent}s, and delivers those events as signed
 * webhooks.
 *
 * <p>
 * The core ({@link FivetranSandbox} and everything it builds) is plain Java on the JDK's
 * {@code com.sun.net.httpserver.HttpServer} and {@code java.net.http} client: it needs no
 * extra dependency, starts in milliseconds, and a plain JUnit test or a benchmark can
 * start one without a Spring context ({@link SandboxMain} runs one from the command
 * line). Only {@link SandboxConfiguration} knows Spring; it starts the sandbox as a bean
 * when {@code ftbridge.sandbox.enabled=true}, never otherwise.
 *
 * <p>
 * <b>Time scale.</b> Every duration the sandbox takes or reports in its data (rate-limit
 * windows, latency, fault durations, lifecycle durations, webhook retry waits,
 * timestamps) is sandbox time, which runs {@code timeScale} times faster than real time.
 * The exceptions concern real peers: {@code Retry-After} is real seconds, so a real
 * client waits the right real time, and the webhook delivery timeout is real time.
 *
 * <p>
 * <b>Scripted syncs.</b> {@link SyncScript}s queued per connection
 * ({@code sandbox.script(id, ...)}, {@code POST /sandbox/scripts}) decide how each next
 * sync ends: {@code SUCCESSFUL}, {@code FAILURE_WITH_TASK}, {@code FAILED} then a
 * {@code SUCCESSFUL} retry, {@code RESCHEDULED}, or never. Connection details always tell
 * the story of the events: {@code sync_state}, {@code succeeded_at}, {@code failed_at},
 * {@code rescheduled_for} and tasks change in the same step that publishes the event, and
 * a {@code sync_end}'s {@code created} equals the timestamp it set (see
 * {@link SimulatedSyncEngine}).
 *
 * <p>
 * <b>Webhooks.</b> {@link Webhooks} delivers each event to the matching registered
 * webhooks and the targets of {@link SandboxSettings#withWebhook}, retries failures on
 * Fivetran's schedule (5, 10, 15 … minutes, for 24 hours, then {@code active: false}) and
 * logs every attempt in the {@link DeliveryLog} ({@code GET /sandbox/deliveries}).
 * Creating or activating a webhook first sends it a {@code test_event} and fails with 400
 * unless it answers 2xx. Payloads (https://fivetran.com/docs/rest-api/webhooks; one
 * compact JSON object, signed when the webhook has a secret with
 * {@code X-Fivetran-Signature-256}, the upper-case hex HMAC-SHA256 of the exact body
 * bytes):
 *
 * <pre>
 * sync_end:   {"event":"sync_end","created":"2026-05-22T00:06:08.638Z","connector_type":"postgres",
 *              "connector_id":"calm_anchor_2","connector_name":"pg","sync_id":"&lt;uuid&gt;",
 *              "destination_group_id":"brisk_anchor_1","data":{"status":"SUCCESSFUL"}}
 *             data is one of {"status":"SUCCESSFUL"},
 *             {"status":"FAILURE_WITH_TASK","reason":"...","taskType":"reconnect"},
 *             {"status":"FAILED","reason":"..."}, {"status":"RESCHEDULED","rescheduledAt":"..."}
 * sync_start: the same fields, "data":{}
 * pause_connector and the other connection events: no sync_id, "data":{}
 * transformation_run_start | _succeeded | _failed (names and shape UNCONFIRMED; the names
 *             live in SandboxEvent):
 *             {"event":"transformation_run_failed","created":"...","transformation_id":"...",
 *              "data":{"status":"FAILED","reason":"..."}}   (status RUNNING | SUCCEEDED | FAILED)
 *             Transformations have no group here: only account webhooks and settings
 *             targets get them.
 * test_event: {"event":"test_event","created":"...","connector_type":"_connector_type",
 *              "connector_id":"_connector_1","group_id":"_destination_1"}
 * </pre>
 *
 * A scripted {@code FAILED} followed by a successful retry is one sync in Fivetran's
 * sense (while it retries, Fivetran has been seen to send a {@code FAILED} and later a
 * {@code SUCCESSFUL} {@code sync_end} for the same connection): two {@code sync_end}s
 * with the <em>same</em> {@code sync_id} and no second {@code sync_start}; in between
 * {@code failed_at} is set and {@code sync_state} stays {@code syncing}.
 *
 * <p>
 * No other module depends on this package, and it depends on no other module of the
 * bridge: it models Fivetran from Fivetran's documentation, not from the client's code.
 */
package dev.ftbridge.sandbox;
