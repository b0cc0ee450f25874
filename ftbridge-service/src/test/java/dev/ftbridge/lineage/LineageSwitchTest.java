package dev.ftbridge.lineage;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import dev.ftbridge.events.EventProperties;
import dev.ftbridge.fivetran.FivetranAccounts;
import dev.ftbridge.kafka.TopicProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.ITERABLE;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Lineage is switched by {@code ftbridge.lineage.enabled} when its beans are made, not by
 * a condition (Spring AOT would decide a condition at build time): off, its listener
 * container exists but never starts, no lineage topic is asked for and the broker is not
 * touched. On is {@link LineageIntegrationTest}.
 */
class LineageSwitchTest {

	private final KafkaAdmin admin = mock(KafkaAdmin.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(LineageConfiguration.class, Properties.class)
		.withBean(KafkaProperties.class, KafkaProperties::new)
		.withBean(EventProperties.class, () -> mock(EventProperties.class))
		.withBean(KafkaTemplate.class, () -> mock(KafkaTemplate.class))
		.withBean(FivetranAccounts.class, () -> mock(FivetranAccounts.class))
		.withBean(KafkaAdmin.class, () -> this.admin)
		.withBean(Clock.class, Clock::systemUTC);

	@Test
	void offByDefaultItsContainerNeverStartsAndNoTopicIsAskedFor() {
		this.runner.run((context) -> {
			ConcurrentMessageListenerContainer<?, ?> container = context.getBean("lineageListenerContainer",
					ConcurrentMessageListenerContainer.class);
			assertThat(container.isAutoStartup()).isFalse();
			assertThat(container.isRunning()).isFalse();
			assertThat(context.getBean(KafkaAdmin.NewTopics.class)).extracting("newTopics", ITERABLE).isEmpty();
			verify(this.admin, never()).initialize();
		});
	}

	@Test
	void onItAsksForItsTopics() {
		// (the container's bean would read the schema store from a broker)
		LineageConfiguration configuration = new LineageConfiguration();
		this.runner.run((context) -> assertThat(configuration.lineageTopics(context.getBean(TopicProperties.class),
				enabled(context.getBean(LineageProperties.class))))
			.extracting("newTopics", ITERABLE)
			.extracting("name")
			.containsExactlyInAnyOrder(context.getBean(TopicProperties.class).lineage(),
					context.getBean(TopicProperties.class).connectionSchemas()));
	}

	private static LineageProperties enabled(LineageProperties off) {
		return new LineageProperties(true, off.namespace(), off.producer(), off.endpoint(), off.endpointTimeout(),
				off.groupId());
	}

	@EnableConfigurationProperties({ TopicProperties.class, LineageProperties.class })
	static class Properties {

	}

}
