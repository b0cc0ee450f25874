package dev.ftbridge;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every module reads the time of day from (UTC), so a test can put another
 * in its place. Durations are measured with {@code System.nanoTime()}, which no
 * wall-clock step can bend.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
