package io.llmobs.autoconfigure.feedback;

import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.autoconfigure.actuate.LlmObsEndpointAutoConfiguration;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.feedback.FeedbackRecorder;
import io.llmobs.feedback.GuardrailVerdict;
import io.llmobs.feedback.Guardrails;
import io.llmobs.feedback.Interactions;
import io.llmobs.test.StartupFailures;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LlmObsFeedbackAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				EndpointAutoConfiguration.class, LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class,
				LlmObsChatAutoConfiguration.class, LlmObsFeedbackAutoConfiguration.class,
				LlmObsEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=llmobs");

	@Test
	void createsTheRecorderAndTheGuardrails() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(FeedbackRecorder.class)
				.hasSingleBean(Guardrails.class)
				.hasBean("llmObsFeedbackObservationHandler")
				.hasSingleBean(Interactions.class);
			LlmObsEndpoint.LlmObsDescriptor descriptor = context.getBean(LlmObsEndpoint.class).llmobs();
			assertThat(descriptor.feedback()).isEqualTo(new LlmObsEndpoint.FeedbackDescriptor(0));
			assertThat(descriptor.settings()).containsEntry("feedback.enabled", true)
				.containsEntry("feedback.cache.max-size", 10_000L)
				.containsEntry("feedback.cache.expire-after-write", "PT1H");
		});
	}

	@Test
	void feedbackCanBeSwitchedOffAndGuardrailsStillCount() {
		this.runner.withPropertyValues("llmobs.feedback.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(FeedbackRecorder.class)
				.doesNotHaveBean(Interactions.class)
				.doesNotHaveBean("llmObsFeedbackObservationHandler");
			context.getBean(Guardrails.class).record("pii", GuardrailVerdict.BLOCK);
			assertThat(context.getBean(MeterRegistry.class)
				.get("llmobs.guardrail")
				.tag("verdict", "block")
				.counter()
				.count()).isOne();
			assertThat(context.getBean(LlmObsEndpoint.class).llmobs().feedback()).isNull();
		});
	}

	@Test
	void guardrailNamesAreBounded() {
		this.runner.withPropertyValues("llmobs.guardrail.max-values=2").run((context) -> {
			Guardrails guardrails = context.getBean(Guardrails.class);
			guardrails.record("pii", GuardrailVerdict.ALLOW);
			guardrails.record("toxicity", GuardrailVerdict.ALLOW);
			guardrails.record("refund-policy", GuardrailVerdict.BLOCK);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("llmobs.guardrail").tags("guardrail", "other", "verdict", "block").counter().count())
				.isOne();
			assertThat(meters.find("llmobs.guardrail").tag("guardrail", "refund-policy").counter()).isNull();
		});
	}

	@Test
	void invalidSettingsFailNamingTheProperty() {
		assertStartupFailureNames("llmobs.feedback.cache.max-size=0", "llmobs.feedback.cache.max-size");
		assertStartupFailureNames("llmobs.feedback.cache.expire-after-write=0s",
				"llmobs.feedback.cache.expire-after-write");
		assertStartupFailureNames("llmobs.guardrail.max-values=0", "llmobs.guardrail.max-values");
	}

	private void assertStartupFailureNames(String property, String expectedName) {
		StartupFailures.assertNames(this.runner, property, expectedName);
	}

}
