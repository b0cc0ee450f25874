package dev.ftbridge.webhook;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;

import dev.ftbridge.kafka.ProducerTimeouts;
import dev.ftbridge.kafka.TopicProperties;

/**
 * The webhook receiver and its own producer, whose timeouts fit inside an HTTP request.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

	/**
	 * The receiver as its own asynchronous servlet at {@value WebhookServlet#PATH} and
	 * {@value WebhookServlet#PATH}/&lt;account&gt;, beside Spring MVC's dispatcher, which
	 * serves nothing else on the public port.
	 */
	@Bean
	ServletRegistrationBean<WebhookServlet> webhookServlet(WebhookController controller, WebhookProperties properties) {
		ServletRegistrationBean<WebhookServlet> registration = new ServletRegistrationBean<>(
				new WebhookServlet(controller, properties.bodyReadTimeout(), properties.inboxTimeout()),
				WebhookServlet.MAPPING);
		registration.setName("webhookServlet");
		registration.setAsyncSupported(true);
		registration.setLoadOnStartup(1);
		return registration;
	}

	/**
	 * No HTTP observation (timer, trace context) per webhook: the receiver counts what it
	 * receives and refuses itself ({@link WebhookMetrics}), and this is its hottest path.
	 */
	@Bean
	ObservationPredicate webhookRequestsUnobserved() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& isWebhookPath(request.getCarrier().getRequestURI()));
	}

	private static boolean isWebhookPath(String uri) {
		return uri.startsWith(WebhookServlet.PATH)
				&& (uri.length() == WebhookServlet.PATH.length() || uri.charAt(WebhookServlet.PATH.length()) == '/');
	}

	@Bean
	WebhookController webhookController(WebhookProperties properties, KafkaProperties kafka, TopicProperties topics,
			MeterRegistry meterRegistry, Clock clock) {
		if (properties.secrets().isEmpty()) {
			log.warn("No webhook secret configured (FTBRIDGE_WEBHOOK_SECRETS): every webhook will be refused with 401");
		}
		properties.accounts().forEach((name, account) -> {
			if (account.secrets().isEmpty()) {
				log.warn(
						"No webhook secret configured for the account {} (ftbridge.webhook.accounts.{}.secrets): "
								+ "every webhook at {}/{} will be refused with 401",
						name, name, WebhookServlet.PATH, name);
			}
		});
		WebhookInbox inbox = new WebhookInbox(inboxTemplate(kafka, properties, meterRegistry), topics.webhooks(),
				properties.inboxTimeout());
		WebhookMetrics metrics = new WebhookMetrics(meterRegistry);
		return new WebhookController(WebhookAccounts.of(properties, metrics), inbox, metrics, properties.maxBodyBytes(),
				clock);
	}

	/** The inbox topic. */
	@Bean
	KafkaAdmin.NewTopics webhookTopics(TopicProperties topics) {
		return topics.declare(topics.builder(topics.webhooks()).build());
	}

	private static KafkaTemplate<byte[], byte[]> inboxTemplate(KafkaProperties kafka, WebhookProperties properties,
			MeterRegistry meterRegistry) {
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		// Fail within the request, so Fivetran gets a 503 and retries, instead of a hung
		// request.
		config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		ProducerTimeouts.fitWithin(config, properties.inboxTimeout());
		DefaultKafkaProducerFactory<byte[], byte[]> producers = new DefaultKafkaProducerFactory<>(config);
		producers.addListener(new MicrometerProducerListener<>(meterRegistry));
		return new KafkaTemplate<>(producers);
	}

}
