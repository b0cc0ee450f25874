package dev.ftbridge.sandbox;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Every API request the sandbox received (up to a capacity; the oldest go first),
 * including rejected and faulted ones; control requests under {@code /sandbox/} are not
 * logged. Tests use it to count calls and effects per connection.
 */
public final class RequestLog {

	private final int capacity;

	private final ArrayDeque<LoggedRequest> entries = new ArrayDeque<>();

	private long sequence;

	RequestLog(int capacity) {
		this.capacity = capacity;
	}

	synchronized void add(LoggedRequest request) {
		if (this.entries.size() == this.capacity) {
			this.entries.removeFirst();
		}
		this.entries.addLast(request.withSequence(++this.sequence));
	}

	/** Every logged request, in arrival order. */
	public synchronized List<LoggedRequest> requests() {
		return List.copyOf(this.entries);
	}

	/**
	 * The requests with that method (null for any) whose path matches the template, e.g.
	 * {@code /v1/connections/{id}/sync}.
	 */
	public List<LoggedRequest> requests(String method, String pathTemplate) {
		PathTemplate template = new PathTemplate(pathTemplate);
		return matching((request) -> (method == null || method.equalsIgnoreCase(request.method()))
				&& template.match(request.path()) != null);
	}

	/** How many requests {@link #requests(String, String)} returns. */
	public int count(String method, String pathTemplate) {
		return requests(method, pathTemplate).size();
	}

	/** Every request that concerned the connection. */
	public List<LoggedRequest> concerning(String connectionId) {
		return matching((request) -> Objects.equals(connectionId, request.connectionId()));
	}

	/**
	 * The requests that changed the connection: applied, not a GET, including those whose
	 * answer was lost to a timeout or reset.
	 */
	public List<LoggedRequest> effectsFor(String connectionId) {
		return matching((request) -> Objects.equals(connectionId, request.connectionId()) && request.isEffect());
	}

	public List<LoggedRequest> matching(Predicate<LoggedRequest> predicate) {
		return requests().stream().filter(predicate).toList();
	}

	public synchronized void clear() {
		this.entries.clear();
	}

}
