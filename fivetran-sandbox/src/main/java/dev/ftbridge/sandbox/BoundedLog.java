package dev.ftbridge.sandbox;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The newest entries up to a capacity (the oldest go first), each numbered in the order
 * it was added: what {@link RequestLog} and {@link DeliveryLog} keep.
 *
 * @param <T> the entry type
 */
final class BoundedLog<T> {

	private final int capacity;

	private final BiFunction<T, Long, T> numbering;

	private final ArrayDeque<T> entries = new ArrayDeque<>();

	private long sequence;

	/**
	 * @param capacity how many entries it keeps
	 * @param numbering the entry with its sequence number (1 for the first ever added)
	 */
	BoundedLog(int capacity, BiFunction<T, Long, T> numbering) {
		this.capacity = capacity;
		this.numbering = numbering;
	}

	synchronized void add(T entry) {
		if (this.entries.size() == this.capacity) {
			this.entries.removeFirst();
		}
		this.entries.addLast(this.numbering.apply(entry, ++this.sequence));
	}

	/** Every entry kept, oldest first. */
	synchronized List<T> all() {
		return List.copyOf(this.entries);
	}

	List<T> matching(Predicate<T> predicate) {
		return all().stream().filter(predicate).toList();
	}

	synchronized void clear() {
		this.entries.clear();
	}

}
