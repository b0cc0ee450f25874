package dev.ftbridge.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the Fivetran sandbox as a bean for a local run, and only when
 * {@code ftbridge.sandbox.enabled=true}: it never starts in production unless asked for.
 * Point {@code ftbridge.fivetran.base-url} at it to run the bridge against it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ftbridge.sandbox.enabled", havingValue = "true")
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration {

	@Bean(initMethod = "start", destroyMethod = "stop")
	FivetranSandbox fivetranSandbox(SandboxProperties properties) {
		return new FivetranSandbox(properties.toSettings());
	}

}
