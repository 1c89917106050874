package io.llmobs.autoconfigure.conversation;

import java.util.List;

import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.autoconfigure.actuate.LlmObsEndpointAutoConfiguration;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.conversation.ConversationInstrumentation;
import io.llmobs.conversation.Conversations;
import io.llmobs.test.StartupFailures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LlmObsConversationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				EndpointAutoConfiguration.class, LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class,
				LlmObsChatAutoConfiguration.class, LlmObsConversationAutoConfiguration.class,
				LlmObsEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=llmobs");

	@Test
	void tracksConversationsForTheEndpoint() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(Conversations.class)
				.hasBean("llmObsConversationObservationHandler")
				.hasBean("llmObsConversationSpanEnricher");
			LlmObsEndpoint.LlmObsDescriptor descriptor = context.getBean(LlmObsEndpoint.class).llmobs();
			assertThat(descriptor.conversations()).isEqualTo(new Conversations.Snapshot(0, 1000, List.of()));
			assertThat(descriptor.settings()).containsEntry("conversations.enabled", true)
				.containsEntry("conversations.max-tracked", 1000L)
				.containsEntry("conversations.expire-after-idle", "PT1H")
				.containsEntry("conversations.top", 10);
		});
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("llmobs.conversations.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ConversationInstrumentation.class)
				.doesNotHaveBean(Conversations.class)
				.doesNotHaveBean("llmObsConversationObservationHandler");
			LlmObsEndpoint.LlmObsDescriptor descriptor = context.getBean(LlmObsEndpoint.class).llmobs();
			assertThat(descriptor.conversations()).isNull();
			assertThat(descriptor.settings()).containsEntry("conversations.enabled", false);
		});
	}

	@Test
	void backsOffWithoutTheChatInstrumentation() {
		this.runner.withPropertyValues("llmobs.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Conversations.class));
	}

	@Test
	void invalidSettingsFailStartUpNamingTheProperty() {
		StartupFailures.assertNames(this.runner, "llmobs.conversations.max-tracked=0",
				"llmobs.conversations.max-tracked");
		StartupFailures.assertNames(this.runner, "llmobs.conversations.top=0", "llmobs.conversations.top");
		StartupFailures.assertNames(this.runner, "llmobs.conversations.expire-after-idle=0s",
				"llmobs.conversations.expire-after-idle");
	}

}
