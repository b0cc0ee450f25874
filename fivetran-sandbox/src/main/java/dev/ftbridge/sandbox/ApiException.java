package dev.ftbridge.sandbox;

/**
 * A Fivetran error answer ({@code {code, message}}) thrown by a handler; nothing of the
 * request has been applied when it is thrown.
 */
final class ApiException extends RuntimeException {

	private final int status;

	private final String code;

	ApiException(int status, String code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
	}

	/** 404 {@code NotFound_<Type>}, e.g. {@code NotFound_Connection}. */
	static ApiException notFound(String type, String id) {
		return new ApiException(404, "NotFound_" + type, type + " with id '" + id + "' doesn't exist");
	}

	/** 400 {@code InvalidInput}. */
	static ApiException invalidInput(String message) {
		return new ApiException(400, "InvalidInput", message);
	}

	/** 409 {@code Conflict}. */
	static ApiException conflict(String message) {
		return new ApiException(409, "Conflict", message);
	}

	int status() {
		return this.status;
	}

	ApiResponse toResponse() {
		return ApiResponse.error(this.status, this.code, getMessage());
	}

}
