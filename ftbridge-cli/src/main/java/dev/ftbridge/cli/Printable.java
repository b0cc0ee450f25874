package dev.ftbridge.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Makes bytes and text from a topic safe for a terminal: control characters (C0, DEL,
 * C1), format characters (bidi overrides) and line separators are written as escapes, and
 * bytes that are not UTF-8 as {@code \xNN}. Nothing from a record reaches the terminal
 * raw.
 */
final class Printable {

	private Printable() {
	}

	/** The bytes as text: UTF-8 where they are, {@code \xNN} for each byte otherwise. */
	static String bytes(byte[] bytes) {
		if (bytes == null) {
			return "(none)";
		}
		try {
			CharBuffer text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return text(text.toString());
		}
		catch (CharacterCodingException ex) {
			StringBuilder out = new StringBuilder();
			for (byte b : bytes) {
				int c = b & 0xff;
				if (c >= 0x20 && c < 0x7f && c != '\\') {
					out.append((char) c);
				}
				else {
					out.append(String.format("\\x%02x", c));
				}
			}
			return out.toString();
		}
	}

	/** The text with every character a terminal could act on escaped. */
	static String text(String text) {
		return escape(text, false);
	}

	/**
	 * Pretty-printed JSON made safe: raw newlines (the layout) stay, every other unsafe
	 * character becomes a JSON escape, so the output is still JSON.
	 */
	static String json(String json) {
		return escape(json, true);
	}

	private static String escape(String text, boolean keepNewlines) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			if (keepNewlines && c == '\n') {
				out.append('\n');
			}
			else if (c == '\\' && !keepNewlines) {
				out.append("\\\\");
			}
			else if (c == '\n' || c == '\t' || c == '\r') {
				out.append((c == '\n') ? "\\n" : (c == '\t') ? "\\t" : "\\r");
			}
			else if (unsafe(c)) {
				out.append(String.format("\\u%04x", c));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

	private static boolean unsafe(int c) {
		int type = Character.getType(c);
		return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.SURROGATE
				|| type == Character.PRIVATE_USE;
	}

}
