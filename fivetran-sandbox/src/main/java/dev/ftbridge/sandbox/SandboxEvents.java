package dev.ftbridge.sandbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands every event to every registered listener; one failing listener stops no other.
 */
final class SandboxEvents implements LifecycleListener {

	private static final System.Logger log = System.getLogger(SandboxEvents.class.getName());

	private final List<LifecycleListener> listeners = new CopyOnWriteArrayList<>();

	void add(LifecycleListener listener) {
		this.listeners.add(listener);
	}

	@Override
	public void onEvent(SandboxEvent event) {
		for (LifecycleListener listener : this.listeners) {
			try {
				listener.onEvent(event);
			}
			catch (RuntimeException ex) {
				log.log(System.Logger.Level.WARNING, "Sandbox listener failed on " + event.type(), ex);
			}
		}
	}

}
