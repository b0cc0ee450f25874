package dev.ftbridge.completion;

import tools.jackson.databind.JsonNode;

import dev.ftbridge.contract.Outcome;

/** What an observation, a poll or the clock means for one open operation. */
sealed interface Decision permits Decision.None, Decision.Complete, Decision.Update {

	/** Nothing changes. */
	Decision NONE = new None();

	/** Nothing changes. */
	record None() implements Decision {

	}

	/**
	 * The operation is over: publish this terminal result and forget it.
	 *
	 * @param outcome the terminal outcome
	 * @param syncId the sync that ended it, if known
	 * @param reason why, in the bridge's words (null for a plain success)
	 * @param retryable whether the same command could succeed later (null: not said)
	 * @param response what Fivetran said, for the result's {@code response}
	 */
	record Complete(Outcome outcome, String syncId, String reason, Boolean retryable,
			JsonNode response) implements Decision {

	}

	/**
	 * The operation stays open with new knowledge, recorded durably.
	 *
	 * @param operation the operation as it is now
	 */
	record Update(PendingOperation operation) implements Decision {

	}

}
