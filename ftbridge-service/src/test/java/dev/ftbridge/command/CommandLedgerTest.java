package dev.ftbridge.command;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLedgerTest {

	private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	private final CommandLedger ledger = new CommandLedger(Duration.ofHours(24));

	@Test
	void theRecordThatProducedAnOutcomeIsRecognisedWhenDeliveredAgainACopyIsNot() {
		this.ledger.record(0, "cmd-1", "SUCCEEDED", NOW, 41);
		assertThat(this.ledger.sameRecord(0, "cmd-1", 41)).isTrue();
		assertThat(this.ledger.sameRecord(0, "cmd-1", 57)).as("a copy published again").isFalse();
		assertThat(this.ledger.sameRecord(1, "cmd-1", 41)).as("another partition").isFalse();
		this.ledger.answered(0, "cmd-1", 57);
		assertThat(this.ledger.sameRecord(0, "cmd-1", 57)).as("the copy, once answered DUPLICATE").isTrue();
		assertThat(this.ledger.sameRecord(0, "cmd-1", -1)).as("an unknown offset").isFalse();
	}

	@Test
	void aStartedMarkIsNeverAnAnsweredRecordAndAnOutcomeReplacesIt() {
		this.ledger.record(0, "cmd-1", CommandLedger.STARTED, NOW, 41);
		assertThat(this.ledger.sameRecord(0, "cmd-1", 41)).isFalse();
		assertThat(this.ledger.startedAt(0, "cmd-1")).isEqualTo(NOW);
		this.ledger.record(0, "cmd-1", "ACCEPTED", NOW.plusSeconds(1), 41);
		this.ledger.record(0, "cmd-1", "SUCCEEDED", NOW.plusSeconds(60), -1);
		assertThat(this.ledger.startedAt(0, "cmd-1")).isNull();
		assertThat(this.ledger.outcome(0, "cmd-1", NOW.plusSeconds(61))).as("the first outcome stays")
			.isEqualTo("ACCEPTED");
		assertThat(this.ledger.sameRecord(0, "cmd-1", 41)).isTrue();
	}

	@Test
	void anOutcomeWithoutAnOffsetKeepsTheOffsetOfTheStartedMark() {
		// a crash after the pending operation, before ACCEPTED: the only result is the
		// operation's terminal one, which does not name the command's record
		this.ledger.record(0, "cmd-1", CommandLedger.STARTED, NOW, 41);
		this.ledger.record(0, "cmd-1", "SUCCEEDED", NOW.plusSeconds(60), -1);
		assertThat(this.ledger.sameRecord(0, "cmd-1", 41)).isTrue();
		assertThat(this.ledger.sameRecord(0, "cmd-1", 42)).isFalse();
	}

	@Test
	void aLaterResultOfTheSameCommandStillNamesItsRecord() {
		// the pending operation's terminal result (no offset) is read before the
		// reconciled ACCEPTED that names the record
		this.ledger.record(0, "cmd-1", "SUCCEEDED", NOW, -1);
		this.ledger.record(0, "cmd-1", "ACCEPTED", NOW.plusSeconds(2), 41);
		assertThat(this.ledger.outcome(0, "cmd-1", NOW.plusSeconds(3))).isEqualTo("SUCCEEDED");
		assertThat(this.ledger.sameRecord(0, "cmd-1", 41)).isTrue();
	}

	@Test
	void outcomesOlderThanTheWindowAreForgotten() {
		this.ledger.record(0, "old", "SUCCEEDED", NOW, 1);
		this.ledger.record(0, "new", "SUCCEEDED", NOW.plus(Duration.ofHours(25)), 2);
		assertThat(this.ledger.outcome(0, "old", NOW.plus(Duration.ofHours(25)))).isNull();
		assertThat(this.ledger.sameRecord(0, "old", 1)).as("its memory is freed").isFalse();
		assertThat(this.ledger.outcome(0, "new", NOW.plus(Duration.ofHours(25)))).isEqualTo("SUCCEEDED");
	}

}
