package dev.ftbridge.fivetran;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * An extra part of each budget held back because Fivetran said the bridge's own count was
 * not enough: tightened by a step on each 429 (or a server count below the bridge's), and
 * relaxed by half a step for every full window of the class that passes without one. A
 * 429 for a call sent before the last tightening is late news of the same overrun and
 * does not tighten again. Not thread-safe; the {@link Throttle} guards it.
 */
final class AdaptiveMargin {

	static final double STEP = 0.1;

	static final double MAX = 0.5;

	private final ToLongFunction<EndpointClass> relaxAfter;

	private final Map<EndpointClass, State> states = new EnumMap<>(EndpointClass.class);

	/**
	 * @param relaxAfter how long a class must go without a tightening before it relaxes a
	 * half step (its shortest window)
	 */
	AdaptiveMargin(ToLongFunction<EndpointClass> relaxAfter) {
		this.relaxAfter = relaxAfter;
	}

	/** The fraction of the class's budgets held back now (0..{@link #MAX}). */
	double extra(EndpointClass endpointClass, long now) {
		State state = this.states.get(endpointClass);
		if (state == null) {
			return 0;
		}
		long period = Math.max(1, this.relaxAfter.applyAsLong(endpointClass));
		long steps = (now - state.changedAt) / period;
		if (steps > 0) {
			state.extra = Math.max(0, state.extra - steps * STEP / 2);
			state.changedAt += steps * period;
		}
		return state.extra;
	}

	/**
	 * Fivetran counted more than the bridge did: hold back a step more, unless the call
	 * that says so was sent before the last tightening.
	 * @return whether the margin grew
	 */
	boolean tighten(EndpointClass endpointClass, long now, long sentAt) {
		extra(endpointClass, now);
		State state = this.states.computeIfAbsent(endpointClass, (c) -> new State());
		if (sentAt < state.tightenedAt) {
			return false;
		}
		state.extra = Math.min(MAX, state.extra + STEP);
		state.tightenedAt = now;
		state.changedAt = now;
		return true;
	}

	/** When the class was last tightened ({@link Long#MIN_VALUE}: never). */
	long tightenedAt(EndpointClass endpointClass) {
		State state = this.states.get(endpointClass);
		return (state != null) ? state.tightenedAt : Long.MIN_VALUE;
	}

	private static final class State {

		double extra;

		long changedAt;

		long tightenedAt = Long.MIN_VALUE;

	}

}
