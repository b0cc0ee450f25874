package dev.ftbridge.fivetran;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.ftbridge.fivetran.Throttle.Priority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every budget, priority and share rule of the throttle, on a clock the test controls.
 */
class ThrottleTest {

	private static final Set<EndpointClass> REQUEST = EnumSet.of(EndpointClass.REQUEST);

	private static final Set<EndpointClass> SETUP_TEST = EnumSet.of(EndpointClass.REQUEST,
			EndpointClass.SOURCE_INTERACTION, EndpointClass.SETUP_TEST);

	private static final Set<EndpointClass> SOURCE = EnumSet.of(EndpointClass.REQUEST,
			EndpointClass.SOURCE_INTERACTION);

	private final AtomicLong now = new AtomicLong(1_000_000);

	@Test
	void defaultsSitTheMarginUnderThePaidLimits() {
		Throttle throttle = new Throttle(limits(null, null), this.now::get);
		assertThat(throttle.limits()).containsEntry("requests_per_hour", 19_000)
			.containsEntry("setup_tests_per_minute", 237)
			.containsEntry("setup_tests_per_hour", 2_375)
			.containsEntry("source_interactions_per_minute", 475)
			.containsEntry("source_interactions_per_hour", 4_750)
			.containsEntry("user_creations_per_hour", 475);
	}

	@Test
	void trialPresetHasNoPerMinuteSetupTestBudget() {
		Throttle throttle = new Throttle(new LimitProperties(true, LimitProperties.Preset.TRIAL, 0, null, null, null,
				null, null, null, 0.1, 1, Duration.ZERO), this.now::get);
		assertThat(throttle.limits()).doesNotContainKey("setup_tests_per_minute")
			.containsEntry("setup_tests_per_hour", 50)
			.containsEntry("requests_per_hour", 500);
	}

	@Test
	void aBudgetGrantsUpToItsLimitThenWaitsUntilTheOldestPermitLeavesTheWindow() {
		Throttle throttle = new Throttle(limits(5, null), this.now::get);
		for (int i = 0; i < 5; i++) {
			assertThat(throttle.tryAcquire(SETUP_TEST, Priority.COMMAND)).isZero();
			this.now.addAndGet(1000);
		}
		long wait = throttle.tryAcquire(SETUP_TEST, Priority.COMMAND);
		assertThat(wait).as("the first permit frees 60 s after it was taken").isEqualTo(60_000 - 5_000);
		this.now.addAndGet(wait);
		assertThat(throttle.tryAcquire(SETUP_TEST, Priority.COMMAND)).isZero();
		assertThat(throttle.tryAcquire(SETUP_TEST, Priority.COMMAND)).as("rolling: only one permit freed").isPositive();
	}

	@Test
	void aQuickCallCountsFromItsAnswerSoItNeverFreesBeforeFivetranFreesIt() throws Exception {
		Throttle throttle = new Throttle(limits(null, 1), this.now::get);
		Throttle.Permit permit = throttle.acquire(REQUEST, Priority.COMMAND);
		this.now.addAndGet(300);
		throttle.answered(permit);
		this.now.addAndGet(3_600_000 - 300);
		assertThat(throttle.tryAcquire(REQUEST, Priority.COMMAND))
			.as("an hour after sending but not after the answer (+1 ms for clocks a fraction apart)")
			.isEqualTo(301);
	}

	@Test
	void aSlowSetupTestCountsFromItsSendingPlusTheDeliveryTimeOfQuickCalls() throws Exception {
		Throttle throttle = new Throttle(limits(1, null), this.now::get);
		Throttle.Permit quick = throttle.acquire(REQUEST, Priority.COMMAND);
		this.now.addAndGet(50);
		throttle.answered(quick);
		Throttle.Permit setup = throttle.acquire(SETUP_TEST, Priority.COMMAND);
		this.now.addAndGet(15_000);
		throttle.answered(setup);
		this.now.addAndGet(45_000);
		assertThat(throttle.tryAcquire(SETUP_TEST, Priority.COMMAND))
			.as("counted from sending + 2 x the 50 ms round trip + 1 (+1), not from the answer 15 s later")
			.isEqualTo(102);
	}

	@Test
	void aCallTakesAPermitFromEveryBudgetItCountsAgainst() {
		Throttle throttle = new Throttle(limits(null, null), this.now::get);
		throttle.tryAcquire(SETUP_TEST, Priority.COMMAND);
		throttle.tryAcquire(SOURCE, Priority.COMMAND);
		throttle.tryAcquire(REQUEST, Priority.COMMAND);
		assertThat(throttle.remaining()).containsEntry("requests_per_hour", 19_000 - 3)
			.containsEntry("source_interactions_per_minute", 475 - 2)
			.containsEntry("setup_tests_per_minute", 237 - 1)
			.containsEntry("user_creations_per_hour", 475);
	}

	@Test
	void anExhaustedSetupBudgetDoesNotBlockPlainRequests() {
		Throttle throttle = new Throttle(limits(2, null), this.now::get);
		throttle.tryAcquire(SETUP_TEST, Priority.COMMAND);
		throttle.tryAcquire(SETUP_TEST, Priority.COMMAND);
		assertThat(throttle.tryAcquire(SETUP_TEST, Priority.COMMAND)).isPositive();
		assertThat(throttle.tryAcquire(REQUEST, Priority.COMMAND)).isZero();
	}

	@Test
	void backgroundWorkLeavesTheReserveToCommands() {
		Throttle throttle = new Throttle(limits(null, 10), this.now::get);
		int background = 0;
		while (throttle.tryAcquire(REQUEST, Priority.BACKGROUND) == 0) {
			background++;
		}
		assertThat(background).as("background stops at the 10%% reserve").isEqualTo(9);
		assertThat(throttle.tryAcquire(REQUEST, Priority.COMMAND)).as("a command still gets a permit").isZero();
	}

	@Test
	void backgroundWorkWaitsWhileACommandWaits() throws Exception {
		Throttle throttle = new Throttle(limits(null, 1), System::currentTimeMillis);
		assertThat(throttle.tryAcquire(REQUEST, Priority.COMMAND)).isZero();
		Thread command = new Thread(() -> {
			try {
				throttle.acquire(REQUEST, Priority.COMMAND);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		command.setDaemon(true);
		command.start();
		org.awaitility.Awaitility.await().until(() -> command.getState() == Thread.State.TIMED_WAITING);
		assertThat(throttle.tryAcquire(REQUEST, Priority.BACKGROUND)).isPositive();
		command.interrupt();
	}

	@Test
	void retryAfterPausesEveryCallForThatLong() {
		Throttle throttle = new Throttle(limits(null, null), this.now::get);
		throttle.retryAfter(Duration.ofSeconds(30));
		assertThat(throttle.tryAcquire(REQUEST, Priority.COMMAND)).isEqualTo(30_000);
		this.now.addAndGet(30_000);
		assertThat(throttle.tryAcquire(REQUEST, Priority.COMMAND)).isZero();
	}

	@Test
	void aLowServerRemainingSpacesCallsAtTheAverageRate() {
		Throttle throttle = new Throttle(limits(null, 3600), this.now::get);
		assertThat(throttle.tryAcquire(REQUEST, Priority.COMMAND)).isZero();
		assertThat(throttle.tryAcquire(REQUEST, Priority.COMMAND)).as("plenty left: no spacing").isZero();
		throttle.serverRemaining(3);
		long wait = throttle.tryAcquire(REQUEST, Priority.COMMAND);
		assertThat(wait).as("3600 per hour = one per second").isEqualTo(1000);
		this.now.addAndGet(wait);
		assertThat(throttle.tryAcquire(REQUEST, Priority.COMMAND)).isZero();
	}

	@Test
	void theShareFollowsTheAssignedPartitions() {
		Throttle throttle = new Throttle(limits(100, 1000), this.now::get);
		throttle.share(3, 12);
		assertThat(throttle.limits()).containsEntry("requests_per_hour", 250)
			.containsEntry("setup_tests_per_minute", 25);
		throttle.share(12, 12);
		assertThat(throttle.limits()).containsEntry("requests_per_hour", 1000);
		throttle.share(0, 12);
		assertThat(throttle.share()).as("an instance without partitions keeps a full budget for background work")
			.isEqualTo(1.0);
	}

	@Test
	void timeScaleCompressesTheWindows() {
		Throttle throttle = new Throttle(new LimitProperties(true, LimitProperties.Preset.PAID, 0, null, 1, null, null,
				null, null, 0.1, 60, Duration.ZERO), this.now::get);
		throttle.tryAcquire(SETUP_TEST, Priority.COMMAND);
		assertThat(throttle.tryAcquire(SETUP_TEST, Priority.COMMAND)).as("a minute in one second").isEqualTo(1000);
	}

	@Test
	void disabledLimitsNeverWait() {
		Throttle throttle = new Throttle(
				new LimitProperties(false, LimitProperties.Preset.PAID, 0, 1, 1, 1, 1, 1, 1, 0.1, 1, Duration.ZERO),
				this.now::get);
		for (int i = 0; i < 10; i++) {
			assertThat(throttle.tryAcquire(SETUP_TEST, Priority.COMMAND)).isZero();
		}
	}

	@Test
	void aSetupTestDelayedOnABusyMachineCountsFromTheLongestQuickRoundTripMeanwhile() throws Exception {
		Throttle throttle = new Throttle(limits(1, null), this.now::get);
		Throttle.Permit before = throttle.acquire(REQUEST, Priority.COMMAND);
		this.now.addAndGet(20);
		throttle.answered(before);
		Throttle.Permit setup = throttle.acquire(SETUP_TEST, Priority.COMMAND);
		this.now.addAndGet(10);
		Throttle.Permit meanwhile = throttle.acquire(REQUEST, Priority.COMMAND);
		this.now.addAndGet(200);
		throttle.answered(meanwhile);
		this.now.addAndGet(14_790);
		throttle.answered(setup);
		this.now.set(setup.takenAt() + 60_000);
		assertThat(throttle.tryAcquire(SETUP_TEST, Priority.COMMAND))
			.as("a quick call under way alongside took 200 ms: Fivetran may have counted the setup test 401 ms late")
			.isEqualTo(402);
	}

	@Test
	void aSetupTestWithNoMeasuredDeliveryCountsFromItsAnswer() throws Exception {
		Throttle throttle = new Throttle(limits(1, null), this.now::get);
		Throttle.Permit setup = throttle.acquire(SETUP_TEST, Priority.COMMAND);
		this.now.addAndGet(15_000);
		throttle.answered(setup);
		this.now.set(setup.takenAt() + 60_000);
		assertThat(throttle.tryAcquire(SETUP_TEST, Priority.COMMAND))
			.as("nothing says when Fivetran received it: the answer is the latest it can have counted it")
			.isEqualTo(15_001);
	}

	@Test
	void aSetupTestWithNoQuickCallForASecondAsksForOneDeliveryProbe() throws Exception {
		Throttle throttle = new Throttle(limits(10, null), this.now::get);
		Throttle.Permit first = throttle.acquire(SETUP_TEST, Priority.COMMAND);
		assertThat(throttle.probeDue(first)).as("nothing measured yet: it counts from its answer").isFalse();
		Throttle.Permit quick = throttle.acquire(REQUEST, Priority.COMMAND);
		this.now.addAndGet(20);
		throttle.answered(quick);
		this.now.addAndGet(500);
		Throttle.Permit soon = throttle.acquire(SETUP_TEST, Priority.COMMAND);
		assertThat(throttle.probeDue(soon)).as("a quick call went out 0.5 s ago").isFalse();
		this.now.addAndGet(600);
		Throttle.Permit burst = throttle.acquire(SETUP_TEST, Priority.COMMAND);
		assertThat(throttle.probeDue(burst)).as("none for over a second").isTrue();
		Throttle.Permit sameBurst = throttle.acquire(SETUP_TEST, Priority.COMMAND);
		assertThat(throttle.probeDue(sameBurst)).as("one probe a second").isFalse();
		assertThat(throttle.probeDue(quick)).as("a quick call measures itself").isFalse();
		this.now.addAndGet(1_000);
		Throttle.Permit later = throttle.acquire(SETUP_TEST, Priority.COMMAND);
		assertThat(throttle.probeDue(later)).isTrue();
	}

	@Test
	void aProbeBesideABurstOnABusierMachineLengthensTheBurstsAllowance() throws Exception {
		Throttle throttle = new Throttle(limits(1, null), this.now::get);
		for (int i = 0; i < 32; i++) {
			Throttle.Permit quiet = throttle.acquire(REQUEST, Priority.COMMAND);
			this.now.addAndGet(10);
			throttle.answered(quiet);
		}
		this.now.addAndGet(5_000);
		Throttle.Permit setup = throttle.acquire(SETUP_TEST, Priority.COMMAND);
		assertThat(throttle.probeDue(setup)).isTrue();
		Throttle.Permit probe = throttle.acquire(REQUEST, Priority.COMMAND);
		this.now.addAndGet(300);
		throttle.answered(probe);
		this.now.addAndGet(9_700);
		throttle.answered(setup);
		this.now.set(setup.takenAt() + 60_000);
		assertThat(throttle.tryAcquire(SETUP_TEST, Priority.COMMAND))
			.as("the probe took 300 ms now, not the 10 ms of the quieter calls before: counted 601 ms late")
			.isEqualTo(602);
	}

	@Test
	void a429OnASetupTestHoldsSetupTestsUntilRetryAfterButNotPlainRequests() throws Exception {
		Throttle throttle = new Throttle(limits(100, null), this.now::get);
		Throttle.Permit setup = throttle.acquire(SETUP_TEST, Priority.COMMAND);
		this.now.addAndGet(50);
		throttle.rejected(setup, Duration.ofSeconds(10), 19_000);
		assertThat(throttle.tryAcquire(SETUP_TEST, Priority.COMMAND)).isEqualTo(10_000);
		assertThat(throttle.tryAcquire(SOURCE, Priority.COMMAND)).as("source interaction may be what ran out")
			.isEqualTo(10_000);
		assertThat(throttle.tryAcquire(REQUEST, Priority.COMMAND)).as("the account still has requests left").isZero();
	}

	@Test
	void a429WithNoRequestsLeftHoldsEveryCall() throws Exception {
		Throttle throttle = new Throttle(limits(100, null), this.now::get);
		Throttle.Permit setup = throttle.acquire(SETUP_TEST, Priority.COMMAND);
		throttle.rejected(setup, Duration.ofSeconds(10), 0);
		assertThat(throttle.tryAcquire(REQUEST, Priority.COMMAND)).isEqualTo(10_000);
		assertThat(throttle.tryAcquire(SETUP_TEST, Priority.COMMAND)).isEqualTo(10_000);
	}

	@Test
	void a429TightensTheClassMarginAndCleanWindowsRelaxIt() throws Exception {
		Throttle throttle = new Throttle(limits(100, null), this.now::get);
		Throttle.Permit setup = throttle.acquire(SETUP_TEST, Priority.COMMAND);
		throttle.rejected(setup, Duration.ofSeconds(1), 19_000);
		assertThat(throttle.extraMargin(EndpointClass.SETUP_TEST)).isEqualTo(0.1);
		assertThat(throttle.extraMargin(EndpointClass.REQUEST)).isZero();
		this.now.addAndGet(1_000);
		int granted = 0;
		while (throttle.tryAcquire(SETUP_TEST, Priority.COMMAND) == 0) {
			granted++;
		}
		assertThat(granted).as("90 of 100 per minute, the first permit still in the window").isEqualTo(89);
		this.now.addAndGet(59_000);
		assertThat(throttle.extraMargin(EndpointClass.SETUP_TEST)).as("a clean minute: half a step back")
			.isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-9));
		this.now.addAndGet(60_000);
		assertThat(throttle.extraMargin(EndpointClass.SETUP_TEST)).isZero();
	}

	@Test
	void aLate429NeitherTightensAgainNorShortensThePause() throws Exception {
		Throttle throttle = new Throttle(limits(100, null), this.now::get);
		Throttle.Permit first = throttle.acquire(SETUP_TEST, Priority.COMMAND);
		Throttle.Permit second = throttle.acquire(SETUP_TEST, Priority.COMMAND);
		this.now.addAndGet(100);
		throttle.rejected(first, Duration.ofSeconds(30), 19_000);
		this.now.addAndGet(100);
		throttle.rejected(second, Duration.ofSeconds(5), 19_000);
		assertThat(throttle.extraMargin(EndpointClass.SETUP_TEST))
			.as("sent before the first 429 arrived: the same overrun")
			.isEqualTo(0.1);
		assertThat(throttle.tryAcquire(SETUP_TEST, Priority.COMMAND)).as("the longer pause stands")
			.isEqualTo(30_000 - 100);
		this.now.addAndGet(29_900);
		Throttle.Permit after = throttle.acquire(SETUP_TEST, Priority.COMMAND);
		throttle.rejected(after, Duration.ofSeconds(5), 19_000);
		assertThat(throttle.extraMargin(EndpointClass.SETUP_TEST)).as("sent after the tightening: news")
			.isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void retryAfterAsAnHttpDateHoldsTheClassUntilThatMoment() throws Exception {
		Throttle throttle = new Throttle(limits(100, null), this.now::get);
		java.time.Clock scripted = java.time.Clock.fixed(java.time.Instant.ofEpochMilli(this.now.get()),
				java.time.ZoneOffset.UTC);
		String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
			.format(java.time.ZonedDateTime.now(scripted).plusSeconds(90));
		Throttle.Permit setup = throttle.acquire(SETUP_TEST, Priority.COMMAND);
		throttle.rejected(setup, RetryAfter.parse(date, scripted), 19_000);
		assertThat(throttle.tryAcquire(SETUP_TEST, Priority.COMMAND)).isEqualTo(90_000);
		throttle.rejected(setup, RetryAfter.parse("120", scripted), 19_000);
		assertThat(throttle.tryAcquire(SETUP_TEST, Priority.COMMAND)).as("seconds").isEqualTo(120_000);
	}

	@Test
	void noRequestsLeftWaitsForTheServersReset() {
		Throttle throttle = new Throttle(limits(null, 3600), this.now::get);
		throttle.serverRemaining(0, Duration.ofSeconds(20));
		assertThat(throttle.tryAcquire(REQUEST, Priority.COMMAND)).isEqualTo(20_000);
		this.now.addAndGet(20_000);
		throttle.serverRemaining(5, Duration.ofSeconds(40));
		assertThat(throttle.tryAcquire(REQUEST, Priority.COMMAND)).isZero();
		assertThat(throttle.tryAcquire(REQUEST, Priority.COMMAND))
			.as("4 left (after that call) for 40 s: one every 10 s, slower than the average 1 per second")
			.isEqualTo(10_000);
	}

	@Test
	void anAccountCountBelowTheOwnBudgetTightensTheRequestMarginOnceAMinute() {
		Throttle throttle = new Throttle(limits(null, 1000), this.now::get);
		throttle.serverRemaining(1000);
		assertThat(throttle.extraMargin(EndpointClass.REQUEST)).as("Fivetran counts what we count").isZero();
		throttle.serverRemaining(900);
		throttle.serverRemaining(800);
		assertThat(throttle.extraMargin(EndpointClass.REQUEST)).isEqualTo(0.1);
		this.now.addAndGet(60_000);
		throttle.serverRemaining(300);
		assertThat(throttle.extraMargin(EndpointClass.REQUEST)).isCloseTo(0.2,
				org.assertj.core.data.Offset.offset(1e-9));
	}

	/**
	 * Paid limits with no margin, optionally overriding setup tests per minute and
	 * requests per hour.
	 */
	static LimitProperties limits(Integer setupTestsPerMinute, Integer requestsPerHour) {
		return new LimitProperties(true, LimitProperties.Preset.PAID,
				(setupTestsPerMinute == null && requestsPerHour == null) ? 0.05 : 0, requestsPerHour,
				setupTestsPerMinute, null, null, null, null, 0.1, 1, Duration.ZERO);
	}

}
