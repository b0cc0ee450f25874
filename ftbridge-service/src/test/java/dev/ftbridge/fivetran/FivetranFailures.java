package dev.ftbridge.fivetran;

/**
 * Fivetran failures for tests that stand in for the client (its constructors are
 * package-private).
 */
public final class FivetranFailures {

	private FivetranFailures() {
	}

	/** Fivetran said no, with this status (404: not found). */
	public static FivetranException rejected(int httpStatus, String message) {
		return new FivetranException.Rejected(httpStatus, "Rejected", message);
	}

	/** Fivetran said no, with this status and code (e.g. 404 NotFound_SchemaConfig). */
	public static FivetranException rejected(int httpStatus, String code, String message) {
		return new FivetranException.Rejected(httpStatus, code, message);
	}

	/** The request was sent and no answer came back: it may have been applied. */
	public static FivetranException lostAnswer() {
		return new FivetranException.Unavailable(0, null, "read timed out", true, null);
	}

	/** Fivetran could not be reached: the request was not sent. */
	public static FivetranException unreachable() {
		return new FivetranException.Unavailable(0, null, "connection refused", false, null);
	}

}
