package dev.ftbridge.contract;

/**
 * Why a record cannot be a command. It goes to the dead-letter topic with these in its
 * headers, and gets a {@code REJECTED} result when its command id could be read.
 *
 * @param reason the kind of problem
 * @param detail what exactly is wrong, for a person
 * @param commandId the CloudEvent id, when it could be read
 * @param commandType the CloudEvent type, when it could be read
 */
public record Rejection(Reason reason, String detail, String commandId, String commandType) {

	/** Longest detail kept: it becomes a dead-letter header. */
	static final int MAX_DETAIL_LENGTH = 2000;

	/**
	 * The detail is made readable in a header: control characters (which a parser's
	 * message may quote from the input) become {@code ?}, and it is cut to
	 * {@link #MAX_DETAIL_LENGTH} characters.
	 */
	public Rejection {
		if (detail != null) {
			String readable = detail.codePoints()
				.map((c) -> Character.isISOControl(c) ? '?' : c)
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
				.toString();
			detail = (readable.length() > MAX_DETAIL_LENGTH) ? readable.substring(0, MAX_DETAIL_LENGTH) + "…"
					: readable;
		}
	}

	/**
	 * The kinds of poison input, as written in the {@code ftbridge_dlt_reason} header.
	 */
	public enum Reason {

		/** The record is larger than {@code ftbridge.command.max-command-bytes}. */
		OVERSIZED,

		/** The record has no value (a tombstone). */
		EMPTY,

		/** The value (or binary-mode data) is not JSON. */
		NOT_JSON,

		/** The value is JSON but not a CloudEvent, or a required attribute is missing. */
		NOT_A_CLOUDEVENT,

		/** The CloudEvent {@code specversion} is not 1.0. */
		UNSUPPORTED_SPECVERSION,

		/** The data is not JSON ({@code datacontenttype}, {@code data_base64}). */
		UNSUPPORTED_CONTENT_TYPE,

		/** The bridge does not know the CloudEvent {@code type}. */
		UNKNOWN_TYPE,

		/**
		 * A CloudEvent attribute ({@code id}, {@code source}, {@code type},
		 * {@code subject}) or the record key is over 256 bytes (UTF-8) or contains a
		 * control character.
		 */
		INVALID_ATTRIBUTE,

		/** The data does not match the JSON Schema of its type. */
		SCHEMA_VIOLATION,

		/**
		 * The {@code fivetranaccount} attribute names an account the bridge is not
		 * configured for.
		 */
		UNKNOWN_ACCOUNT

	}

}
