/**
 * The Fivetran sandbox: a stateful stand-in for Fivetran's REST API that the tests, the
 * local run and the benchmarks share. It serves Fivetran's paths, status codes and
 * {@code {code, message, data}} envelope, enforces the documented per-account rate limits
 * with rolling windows ({@code 429}, {@code Retry-After}, {@code X-Rate-Limit-*}), adds
 * latency per endpoint class, injects faults (5xx, timeouts, resets, outages, 401), keeps
 * a request log, and runs sync and transformation lifecycles through a {@link SyncEngine}
 * seam that publishes {@link SandboxEvent}s.
 *
 * <p>
 * The core ({@link FivetranSandbox} and everything it builds) is plain Java on the JDK's
 * {@code com.sun.net.httpserver.HttpServer}: it needs no extra dependency, starts in
 * milliseconds, and a plain JUnit test or a benchmark can start one without a Spring
 * context. Only {@link SandboxConfiguration} knows Spring; it starts the sandbox as a
 * bean when {@code ftbridge.sandbox.enabled=true}, never otherwise.
 *
 * <p>
 * <b>Time scale.</b> Every duration the sandbox takes or reports in its data (rate-limit
 * windows, latency, fault durations, lifecycle durations, timestamps) is sandbox time,
 * which runs {@code timeScale} times faster than real time. The one exception is
 * {@code Retry-After}: it is real seconds, so a real client waits the right real time.
 *
 * <p>
 * No other module depends on this package, and it depends on no other module of the
 * bridge: it models Fivetran from Fivetran's documentation, not from the client's code.
 */
package dev.ftbridge.sandbox;
