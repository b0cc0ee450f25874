package dev.ftbridge.contract;

import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * What happened to a command, or to one part of a command that fans out (published as
 * {@code fivetran.command.result}; schema in
 * {@code topics/schemas/events/fivetran.command.result.json}).
 *
 * @param commandId the command's CloudEvent id
 * @param commandType the command's CloudEvent type
 * @param outcome what happened
 * @param resourceId the id of what the command acted on (e.g. the created connection)
 * @param connectionId the connection, when there is one
 * @param groupId the group, when there is one
 * @param transformationId the transformation, when there is one
 * @param syncId Fivetran's sync id, once known
 * @param httpStatus Fivetran's HTTP status on failure
 * @param fivetranCode Fivetran's {@code code} on failure
 * @param fivetranMessage Fivetran's {@code message} on failure
 * @param reason why, in the bridge's words, for anything but success
 * @param retryable whether the same command could succeed later
 * @param part which part of a fan-out command this is
 * @param response selected fields of Fivetran's response
 * @param originalCommandId for a duplicate, the command it duplicates
 * @param attempts how many times Fivetran was called
 * @param receivedAt when the bridge read the command
 * @param startedAt when execution started
 * @param finishedAt when the outcome was known
 * @param durationMs {@code finishedAt - receivedAt} in milliseconds
 * @param connection the connection's name, when the command addressed it by name
 * @param account the Fivetran account the command ran against (absent in results written
 * before accounts, and in those of records that could not be read)
 */
public record CommandResult(String commandId, String commandType, Outcome outcome, String resourceId,
		String connectionId, String groupId, String transformationId, String syncId, Integer httpStatus,
		String fivetranCode, String fivetranMessage, String reason, Boolean retryable, Part part, JsonNode response,
		String originalCommandId, int attempts, Instant receivedAt, Instant startedAt, Instant finishedAt,
		long durationMs, ConnectionName connection, String account) {

	/** A result that names no account (as every result did before accounts). */
	public CommandResult(String commandId, String commandType, Outcome outcome, String resourceId, String connectionId,
			String groupId, String transformationId, String syncId, Integer httpStatus, String fivetranCode,
			String fivetranMessage, String reason, Boolean retryable, Part part, JsonNode response,
			String originalCommandId, int attempts, Instant receivedAt, Instant startedAt, Instant finishedAt,
			long durationMs, ConnectionName connection) {
		this(commandId, commandType, outcome, resourceId, connectionId, groupId, transformationId, syncId, httpStatus,
				fivetranCode, fivetranMessage, reason, retryable, part, response, originalCommandId, attempts,
				receivedAt, startedAt, finishedAt, durationMs, connection, null);
	}

	/** The CloudEvent type of a result. */
	public static final String TYPE = "fivetran.command.result";

	/** Starts a result for a command. */
	public static Builder builder(String commandId, String commandType, Outcome outcome) {
		return new Builder(commandId, commandType, outcome);
	}

	/**
	 * Which part of a fan-out command a result is about.
	 *
	 * @param index zero-based position
	 * @param of the number of parts
	 */
	public record Part(int index, int of) {

	}

	/**
	 * This result naming the connection it acted on as the command named it, and the id
	 * that name was resolved to (also the resource id).
	 */
	public CommandResult withConnection(ConnectionName name, String resolvedId) {
		boolean keyedByName = this.resourceId == null || this.resourceId.equals(name.key());
		String resource = (resolvedId != null && keyedByName) ? resolvedId : this.resourceId;
		return new CommandResult(this.commandId, this.commandType, this.outcome, resource,
				(this.connectionId != null) ? this.connectionId : resolvedId,
				(this.groupId != null) ? this.groupId : name.groupId(), this.transformationId, this.syncId,
				this.httpStatus, this.fivetranCode, this.fivetranMessage, this.reason, this.retryable, this.part,
				this.response, this.originalCommandId, this.attempts, this.receivedAt, this.startedAt, this.finishedAt,
				this.durationMs, name, this.account);
	}

	/** This result naming the Fivetran account its command ran against. */
	public CommandResult withAccount(String account) {
		return new CommandResult(this.commandId, this.commandType, this.outcome, this.resourceId, this.connectionId,
				this.groupId, this.transformationId, this.syncId, this.httpStatus, this.fivetranCode,
				this.fivetranMessage, this.reason, this.retryable, this.part, this.response, this.originalCommandId,
				this.attempts, this.receivedAt, this.startedAt, this.finishedAt, this.durationMs, this.connection,
				account);
	}

	/** Builds a {@link CommandResult}; unset fields are left out of the event. */
	public static final class Builder {

		private final String commandId;

		private final String commandType;

		private final Outcome outcome;

		private String resourceId;

		private String connectionId;

		private String groupId;

		private String transformationId;

		private String syncId;

		private Integer httpStatus;

		private String fivetranCode;

		private String fivetranMessage;

		private String reason;

		private Boolean retryable;

		private Part part;

		private JsonNode response;

		private String originalCommandId;

		private int attempts;

		private Instant receivedAt;

		private Instant startedAt;

		private Builder(String commandId, String commandType, Outcome outcome) {
			this.commandId = commandId;
			this.commandType = commandType;
			this.outcome = outcome;
		}

		public Builder resourceId(String resourceId) {
			this.resourceId = resourceId;
			return this;
		}

		public Builder connectionId(String connectionId) {
			this.connectionId = connectionId;
			return this;
		}

		public Builder groupId(String groupId) {
			this.groupId = groupId;
			return this;
		}

		public Builder transformationId(String transformationId) {
			this.transformationId = transformationId;
			return this;
		}

		public Builder syncId(String syncId) {
			this.syncId = syncId;
			return this;
		}

		public Builder fivetranError(int httpStatus, String code, String message) {
			this.httpStatus = (httpStatus > 0) ? httpStatus : null;
			this.fivetranCode = code;
			this.fivetranMessage = message;
			return this;
		}

		public Builder reason(String reason) {
			this.reason = reason;
			return this;
		}

		public Builder retryable(boolean retryable) {
			this.retryable = retryable;
			return this;
		}

		public Builder part(int index, int of) {
			this.part = new Part(index, of);
			return this;
		}

		public Builder response(JsonNode response) {
			this.response = response;
			return this;
		}

		public Builder originalCommandId(String originalCommandId) {
			this.originalCommandId = originalCommandId;
			return this;
		}

		public Builder attempts(int attempts) {
			this.attempts = attempts;
			return this;
		}

		public Builder timing(Instant receivedAt, Instant startedAt) {
			this.receivedAt = receivedAt;
			this.startedAt = startedAt;
			return this;
		}

		/** Builds the result, finished now. */
		public CommandResult build(Instant finishedAt) {
			Instant received = (this.receivedAt != null) ? this.receivedAt : finishedAt;
			long duration = Math.max(0, Duration.between(received, finishedAt).toMillis());
			return new CommandResult(this.commandId, this.commandType, this.outcome, this.resourceId, this.connectionId,
					this.groupId, this.transformationId, this.syncId, this.httpStatus, this.fivetranCode,
					this.fivetranMessage, this.reason, this.retryable, this.part, this.response, this.originalCommandId,
					this.attempts, received, this.startedAt, finishedAt, duration, null);
		}

	}

}
