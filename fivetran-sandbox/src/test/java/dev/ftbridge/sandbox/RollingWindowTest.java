package dev.ftbridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.ftbridge.sandbox.Cost.Budget;

import static org.assertj.core.api.Assertions.assertThat;

class RollingWindowTest {

	private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

	@Test
	void admitsExactlyTheLimitWithinOneWindow() {
		RollingWindow window = new RollingWindow(3, Duration.ofMinutes(1));
		for (int i = 0; i < 3; i++) {
			assertThat(window.waitTime(T0)).isZero();
			window.admit(T0);
		}
		assertThat(window.waitTime(T0)).isEqualTo(Duration.ofMinutes(1));
		assertThat(window.remaining(T0)).isZero();
	}

	@Test
	void freesEachSlotOneWindowAfterItsOwnAdmissionNotAtAFixedBoundary() {
		RollingWindow window = new RollingWindow(2, Duration.ofMinutes(1));
		window.admit(T0);
		window.admit(T0.plusSeconds(40));
		// a fixed minute bucket would reset at 10:01:00 and free both slots
		assertThat(window.remaining(T0.plusSeconds(59))).isZero();
		assertThat(window.waitTime(T0.plusSeconds(59))).isEqualTo(Duration.ofSeconds(1));
		assertThat(window.remaining(T0.plusSeconds(60))).isEqualTo(1);
		window.admit(T0.plusSeconds(60));
		assertThat(window.waitTime(T0.plusSeconds(61))).isEqualTo(Duration.ofSeconds(39));
		assertThat(window.remaining(T0.plusSeconds(100))).isEqualTo(1);
	}

	@Test
	void rejectedRequestTakesNoSlotInAnyBudget() {
		Limits limits = Limits.paid().withRequestsPerHour(10).withSetupTests(1, 100);
		RateLimiter limiter = new RateLimiter(limits);
		assertThat(limiter.acquire(Cost.SETUP_TEST.budgets(), T0).admitted()).isTrue();
		RateLimiter.Decision rejected = limiter.acquire(Cost.SETUP_TEST.budgets(), T0.plusSeconds(10));
		assertThat(rejected.admitted()).isFalse();
		assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(50));
		assertThat(rejected.message()).isEqualTo("No more than 1 setup test requests can be made per minute");
		assertThat(limiter.remaining(T0.plusSeconds(10))).isEqualTo(9);
		assertThat(limiter.acquire(Set.of(Budget.REQUESTS), T0.plusSeconds(10)).admitted()).isTrue();
	}

	@Test
	void reportsTheLongestWaitWhenSeveralWindowsAreExhausted() {
		RateLimiter limiter = new RateLimiter(Limits.paid().withSetupTests(1, 1));
		limiter.acquire(Cost.SETUP_TEST.budgets(), T0);
		RateLimiter.Decision rejected = limiter.acquire(Cost.SETUP_TEST.budgets(), T0.plusSeconds(30));
		assertThat(rejected.retryAfter()).isEqualTo(Duration.ofMinutes(59).plusSeconds(30));
		assertThat(rejected.message()).endsWith("per hour");
	}

	@Test
	void disabledLimitsAdmitEverythingAndReportTheFullQuota() {
		RateLimiter limiter = new RateLimiter(Limits.trial().withRequestsPerHour(1).disabled());
		for (int i = 0; i < 5; i++) {
			assertThat(limiter.acquire(Cost.SETUP_TEST.budgets(), T0).admitted()).isTrue();
		}
		assertThat(limiter.remaining(T0)).isEqualTo(1);
	}

}
