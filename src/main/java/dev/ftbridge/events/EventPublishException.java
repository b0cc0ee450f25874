package dev.ftbridge.events;

/** The broker did not acknowledge an event in time; the caller must not commit. */
public class EventPublishException extends RuntimeException {

	public EventPublishException(String message, Throwable cause) {
		super(message, cause);
	}

}
