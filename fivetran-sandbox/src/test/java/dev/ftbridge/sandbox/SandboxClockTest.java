package dev.ftbridge.sandbox;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import dev.ftbridge.support.MutableClock;

class SandboxClockTest {

	@Test
	void sandboxTimeRunsTimeScaleTimesFasterThanRealTime() {
		MutableClock real = new MutableClock();
		SandboxClock clock = new SandboxClock(real, 60);
		Instant start = clock.now();
		real.advance(Duration.ofMinutes(1));
		assertThat(Duration.between(start, clock.now())).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void convertsDurationsBothWays() {
		SandboxClock clock = new SandboxClock(new MutableClock(), 60);
		assertThat(clock.toReal(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(1));
		assertThat(clock.toSandbox(Duration.ofSeconds(2))).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void retryAfterIsRealSecondsRoundedUpAndAtLeastOne() {
		SandboxClock clock = new SandboxClock(new MutableClock(), 60);
		assertThat(clock.realSecondsRoundedUp(Duration.ofMinutes(59))).isEqualTo(59);
		assertThat(clock.realSecondsRoundedUp(Duration.ofSeconds(61))).isEqualTo(2);
		assertThat(clock.realSecondsRoundedUp(Duration.ofSeconds(1))).isEqualTo(1);
		assertThat(new SandboxClock(new MutableClock(), 1).realSecondsRoundedUp(Duration.ofMillis(3001))).isEqualTo(4);
	}

	@Test
	void rejectsANonPositiveTimeScale() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SandboxClock(new MutableClock(), 0));
	}

}
