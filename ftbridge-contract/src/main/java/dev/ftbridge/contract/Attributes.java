package dev.ftbridge.contract;

import java.nio.charset.StandardCharsets;

import dev.ftbridge.contract.Rejection.Reason;

/**
 * The checks on the CloudEvent attributes a command is built from and on the record key:
 * at most {@link CommandReader#MAX_ATTRIBUTE_BYTES} bytes of UTF-8, no control characters
 * and no half of a surrogate pair. A rejection never repeats the bad value, so
 * dead-letter headers stay readable, and names the command id and type only when they
 * passed.
 */
public final class Attributes {

	private Attributes() {
	}

	/** The rejection for the first attribute that fails, or {@code null}. */
	public static ReadResult check(String id, String source, String type, String subject, String key) {
		String idProblem = problem(id);
		if (idProblem != null) {
			return reject("the attribute 'id' " + idProblem, null, null);
		}
		String typeProblem = problem(type);
		if (typeProblem != null) {
			return reject("the attribute 'type' " + typeProblem, id, null);
		}
		String sourceProblem = problem(source);
		if (sourceProblem != null) {
			return reject("the attribute 'source' " + sourceProblem, id, type);
		}
		String subjectProblem = problem(subject);
		if (subjectProblem != null) {
			return reject("the attribute 'subject' " + subjectProblem, id, type);
		}
		String keyProblem = problem(key);
		return (keyProblem != null) ? reject("the record key " + keyProblem, id, type) : null;
	}

	/** What is wrong with the value, or {@code null} (also for no value at all). */
	public static String problem(String value) {
		if (value == null) {
			return null;
		}
		int bytes = value.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > CommandReader.MAX_ATTRIBUTE_BYTES) {
			return "has " + bytes + " bytes (UTF-8); the limit is " + CommandReader.MAX_ATTRIBUTE_BYTES;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c)) {
				return "contains a control character (U+" + String.format("%04X", (int) c) + " at index " + i + ")";
			}
			if (Character.isSurrogate(c)) {
				// JSON may escape half a pair; such an id cannot be written back as
				// UTF-8, so the ledger would read back another id than the one that ran
				if (Character.isHighSurrogate(c) && i + 1 < value.length()
						&& Character.isLowSurrogate(value.charAt(i + 1))) {
					i++;
					continue;
				}
				return "contains an unpaired surrogate (U+" + String.format("%04X", (int) c) + " at index " + i + ")";
			}
		}
		return null;
	}

	private static ReadResult reject(String detail, String id, String type) {
		return new ReadResult.Rejected(new Rejection(Reason.INVALID_ATTRIBUTE, detail, id, type));
	}

}
