package dev.ftbridge.sandbox;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(SandboxConfiguration.class);

	@Test
	void sandboxDoesNotStartUnlessEnabled() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(FivetranSandbox.class));
		this.runner.withPropertyValues("ftbridge.sandbox.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FivetranSandbox.class));
	}

	@Test
	void enabledSandboxServesWithTheConfiguredCredentialsAndPreset() {
		this.runner
			.withPropertyValues("ftbridge.sandbox.enabled=true", "ftbridge.sandbox.port=0",
					"ftbridge.sandbox.api-key=" + SandboxClient.KEY,
					"ftbridge.sandbox.api-secret=" + SandboxClient.SECRET, "ftbridge.sandbox.limits=trial",
					"ftbridge.sandbox.latency-enabled=false", "ftbridge.sandbox.time-scale=60")
			.run((context) -> {
				FivetranSandbox sandbox = context.getBean(FivetranSandbox.class);
				assertThat(sandbox.settings().limits()).isEqualTo(Limits.trial());
				assertThat(sandbox.settings().timeScale()).isEqualTo(60);
				SandboxClient.Reply reply = new SandboxClient(sandbox).get("/v1/groups");
				assertThat(reply.status()).isEqualTo(200);
				assertThat(reply.header("X-Rate-Limit")).isEqualTo("500");
			});
	}

	@Test
	void webhookTargetOfALocalRunComesFromProperties() {
		this.runner.withPropertyValues("ftbridge.sandbox.enabled=true", "ftbridge.sandbox.port=0",
				"ftbridge.sandbox.api-key=" + SandboxClient.KEY, "ftbridge.sandbox.api-secret=" + SandboxClient.SECRET,
				"ftbridge.sandbox.webhook-url=http://127.0.0.1:8080/webhooks/fivetran",
				"ftbridge.sandbox.webhook-secret=whsec", "ftbridge.sandbox.webhooks-enabled=false")
			.run((context) -> {
				FivetranSandbox sandbox = context.getBean(FivetranSandbox.class);
				assertThat(sandbox.settings().webhooks())
					.containsExactly(new WebhookTarget(URI.create("http://127.0.0.1:8080/webhooks/fivetran"), "whsec"));
				assertThat(sandbox.webhooks().isEnabled()).isFalse();
			});
	}

	@Test
	void enabledSandboxWithoutCredentialsFailsToStart() {
		this.runner.withPropertyValues("ftbridge.sandbox.enabled=true", "ftbridge.sandbox.port=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("API key and secret"));
	}

}
