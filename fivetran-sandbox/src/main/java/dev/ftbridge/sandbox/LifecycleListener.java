package dev.ftbridge.sandbox;

/**
 * Hears every {@link SandboxEvent}, after the sandbox's own webhook delivery
 * ({@link Webhooks}) has queued it. Called on the thread that made the change (a request
 * thread or the lifecycle thread), after the change is applied and outside the state
 * lock; it must not block: hand slow work to an executor.
 */
@FunctionalInterface
public interface LifecycleListener {

	void onEvent(SandboxEvent event);

}
