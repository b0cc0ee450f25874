package dev.ftbridge.sandbox;

import java.time.Duration;

/**
 * The fault chosen for one request.
 *
 * @param kind what happens
 * @param status the status answered instead, for faults that answer before applying
 * @param hold how long to hold the answer, for timeouts
 */
record Fault(Kind kind, int status, Duration hold) {

	static final Fault NONE = new Fault(Kind.NONE, 0, null);

	/** Whether the request is answered (or dropped) without being processed. */
	boolean preventsProcessing() {
		return this.kind.before;
	}

	/** The answer for a fault that answers before processing; null for a reset. */
	ApiResponse response() {
		return switch (this.kind) {
			case UNAUTHORIZED -> ApiResponse.error(401, "AuthFailed", "Missing or invalid API key and secret");
			case OUTAGE -> ApiResponse.error(503, "ServiceUnavailable", "Fivetran is unavailable (sandbox outage)");
			case RESET -> null;
			default -> ApiResponse.error(this.status, errorCode(this.status),
					"Injected failure (sandbox " + this.kind.label() + ")");
		};
	}

	private static String errorCode(int status) {
		return switch (status) {
			case 500 -> "InternalServerError";
			case 502 -> "BadGateway";
			case 503 -> "ServiceUnavailable";
			case 504 -> "GatewayTimeout";
			default -> (status < 500) ? "BadRequest" : "ServerError";
		};
	}

	enum Kind {

		NONE(null, false), UNAUTHORIZED("unauthorized", true), OUTAGE("outage", true), FAIL_NEXT("failNext", true),
		ERROR_RATE("errorRate", true), RESET("resetNext", true), RESET_AFTER_APPLYING("resetNextAfterApplying", false),
		TIMEOUT("timeoutNext", false);

		private final String label;

		private final boolean before;

		Kind(String label, boolean before) {
			this.label = label;
			this.before = before;
		}

		/** The name in the request log and the control API; null for none. */
		String label() {
			return this.label;
		}

	}

}
