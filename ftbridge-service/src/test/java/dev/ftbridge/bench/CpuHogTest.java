package dev.ftbridge.bench;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CpuHogTest {

	@Test
	void hogKeepsOneCoreBusyUntilClosed() throws Exception {
		CpuHog hog = CpuHog.start(Duration.ofMinutes(1));
		Thread.sleep(500);
		assertThat(hog.running()).isTrue();
		// on CPU, not sleeping: well over a tenth of the wall time even on a loaded
		// machine
		assertThat(hog.cpuNanos()).isGreaterThan(Duration.ofMillis(50).toNanos());
		hog.close();
		assertThat(hog.running()).isFalse();
	}

	@Test
	void hogStopsByItselfAtItsBound() {
		CpuHog hog = CpuHog.start(Duration.ofMillis(200));
		await().atMost(Duration.ofSeconds(5)).until(() -> !hog.running());
	}

	@Test
	void quietModeStartsNoHog() throws Exception {
		try (CpuHog hog = CpuHog.startIf("quiet", Duration.ofMinutes(1))) {
			assertThat(hog).isNull();
		}
	}

}
