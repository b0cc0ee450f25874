package dev.ftbridge.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ftbridge.contract.CommandValidator;
import dev.ftbridge.contract.IncomingRecord;
import dev.ftbridge.contract.ReadResult;

/**
 * Turns one dead letter into the record a replay publishes, or says why the bridge would
 * still refuse it: the patch is applied to {@code data}, the id kept or derived, and the
 * result read with the bridge's own reader.
 */
final class ReplayPlan {

	private static final String BINARY_SPECVERSION = "ce_specversion";

	private final CommandValidator validator = new CommandValidator();

	private final JsonNode patch;

	private final boolean newIds;

	private final String dltTopic;

	ReplayPlan(JsonNode patch, boolean newIds, String dltTopic) {
		this.patch = patch;
		this.newIds = newIds;
		this.dltTopic = dltTopic;
	}

	/**
	 * What replaying the dead letter means.
	 */
	Replay plan(DeadLetter letter) {
		if (letter.omitted()) {
			return refused(letter, "OMITTED",
					"the bridge kept no copy of the record: " + letter.header(DeadLetter.OMITTED));
		}
		if (letter.value() == null) {
			return refused(letter, "EMPTY", "the record has no value");
		}
		boolean binary = letter.header(BINARY_SPECVERSION) != null;
		List<IncomingRecord.Header> headers = new ArrayList<>(letter.originalHeaders());
		byte[] value = letter.value();
		String id = letter.id();
		String newId = (this.newIds && id != null) ? Replays.newId(id) : id;
		if (this.patch != null || this.newIds) {
			JsonNode json;
			try {
				json = JsonInput.JSON.readTree(value);
			}
			catch (JacksonException ex) {
				return refused(letter, "NOT_JSON", "the value is not JSON, so it cannot be patched");
			}
			if (binary) {
				json = (this.patch != null) ? MergePatch.apply(json, this.patch) : json;
				if (this.newIds && id != null) {
					headers.removeIf((h) -> h.name().equalsIgnoreCase("ce_id"));
					headers.add(header("ce_id", newId));
				}
			}
			else if (json instanceof ObjectNode event) {
				if (this.patch != null) {
					event.set("data", MergePatch.apply(event.get("data"), this.patch));
				}
				if (this.newIds && id != null) {
					event.put("id", newId);
				}
			}
			value = JsonInput.JSON.writeValueAsBytes(json);
		}
		ReadResult read = this.validator.read(letter.key(), value, headers);
		if (read instanceof ReadResult.Rejected rejected) {
			return refused(letter, rejected.rejection().reason().name(), rejected.rejection().detail());
		}
		headers.add(header(Replays.OF, Replays.name(this.dltTopic, letter)));
		headers.add(header(Replays.REASON, letter.reason()));
		if (id != null) {
			headers.add(header(Replays.ORIGINAL_ID, id));
		}
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("", null, letter.key(), value);
		headers.forEach((h) -> record.headers().add(h.name(), h.value()));
		return new Replay(letter, record, id, newId, null, null);
	}

	private static IncomingRecord.Header header(String name, String value) {
		return new IncomingRecord.Header(name, value.getBytes(StandardCharsets.UTF_8));
	}

	private static Replay refused(DeadLetter letter, String reason, String detail) {
		return new Replay(letter, null, letter.id(), null, reason, detail);
	}

	/**
	 * One dead letter's replay.
	 *
	 * @param letter the dead letter
	 * @param record what would be published, or {@code null} when it is refused
	 * @param id the id the command had
	 * @param newId the id it is replayed with
	 * @param reason why the bridge would refuse it still, or {@code null}
	 * @param detail what exactly, or {@code null}
	 */
	record Replay(DeadLetter letter, ProducerRecord<byte[], byte[]> record, String id, String newId, String reason,
			String detail) {

		boolean valid() {
			return this.record != null;
		}

		/**
		 * One line for people and for {@code watch --ids-from}: the id it is replayed
		 * with first, then type, key and the dead letter (and the old id when it
		 * changed).
		 */
		String summary() {
			return text(this.newId) + "\t" + text(this.letter.type()) + "\t" + text(this.letter.keyText()) + "\tfrom "
					+ this.letter.ref()
					+ ((this.newId != null && !this.newId.equals(this.id)) ? " was " + text(this.id) : "");
		}

		String refusal() {
			return this.letter.ref() + "\t" + this.reason + "\t" + Printable.text(String.valueOf(this.detail));
		}

		private static String text(String value) {
			return (value != null) ? Printable.text(value) : "-";
		}

	}

}
