package dev.ftbridge.cli;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What makes a replay traceable and idempotent: every replayed record carries headers
 * naming the dead letter it came from, and a dead letter the command topic already holds
 * a replay of is not replayed again.
 */
final class Replays {

	static final String HEADER_PREFIX = "ftbridge_replay_";

	/** The dead letter, as {@code TOPIC/PARTITION:OFFSET}: what makes a replay unique. */
	static final String OF = HEADER_PREFIX + "of";

	/** The id the command had in the dead letter (it differs with --new-ids). */
	static final String ORIGINAL_ID = HEADER_PREFIX + "original_id";

	/** The reason the dead letter gave. */
	static final String REASON = HEADER_PREFIX + "reason";

	private Replays() {
	}

	static String name(String dltTopic, DeadLetter letter) {
		return dltTopic + "/" + letter.ref();
	}

	/** The dead letters the command topic already holds a replay of. */
	static Set<String> alreadyReplayed(KafkaOptions kafka, String commandTopic) {
		Set<String> replayed = new HashSet<>();
		for (ConsumerRecord<byte[], byte[]> record : TopicSnapshot.read(kafka, commandTopic)) {
			Header of = record.headers().lastHeader(OF);
			if (of != null && of.value() != null) {
				replayed.add(new String(of.value(), StandardCharsets.UTF_8));
			}
		}
		return replayed;
	}

	/** A fresh id, always the same for the same old one. */
	static String newId(String oldId) {
		return "replay-" + UUID.nameUUIDFromBytes(("ftbridge-replay:" + oldId).getBytes(StandardCharsets.UTF_8));
	}

}
