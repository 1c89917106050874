package io.llmobs.autoconfigure;

import java.util.Locale;

import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.autoconfigure.actuate.LlmObsEndpointAutoConfiguration;
import io.llmobs.autoconfigure.capture.LlmObsCaptureAutoConfiguration;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.context.LlmObsContextAutoConfiguration;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.autoconfigure.core.LlmObsProperties;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.autoconfigure.feedback.LlmObsFeedbackAutoConfiguration;
import io.llmobs.autoconfigure.judge.LlmObsJudgeAutoConfiguration;
import io.llmobs.autoconfigure.mcp.LlmObsMcpAutoConfiguration;
import io.llmobs.autoconfigure.openai.LlmObsOpenAiAutoConfiguration;
import io.llmobs.autoconfigure.prompt.LlmObsPromptAutoConfiguration;
import io.llmobs.autoconfigure.redact.LlmObsRedactionAutoConfiguration;
import io.llmobs.autoconfigure.tool.LlmObsToolAutoConfiguration;
import io.llmobs.chat.ChatInstrumentation;
import io.llmobs.chat.LlmObs;
import io.llmobs.context.ContextInstrumentation;
import io.llmobs.cost.CostTotals;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.cost.ModelCatalog;
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

/**
 * All llmobs auto-configurations together: what they share (the master switch, the strict
 * 'llmobs' prefix). Each auto-configuration's own conditions are tested next to it, in
 * the package that mirrors it.
 */
class AllAutoConfigurationsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				EndpointAutoConfiguration.class, LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class,
				LlmObsChatAutoConfiguration.class, LlmObsContextAutoConfiguration.class,
				LlmObsToolAutoConfiguration.class, LlmObsMcpAutoConfiguration.class,
				LlmObsOpenAiAutoConfiguration.class, LlmObsPromptAutoConfiguration.class,
				LlmObsFeedbackAutoConfiguration.class, LlmObsJudgeAutoConfiguration.class,
				LlmObsRedactionAutoConfiguration.class, LlmObsCaptureAutoConfiguration.class,
				LlmObsEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=llmobs");

	@Test
	void createsTheInstrumentation() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ModelCatalog.class)
				.hasSingleBean(CostTotals.class)
				.hasSingleBean(ChatInstrumentation.class)
				.hasSingleBean(LlmObs.class)
				.hasSingleBean(LlmObsEndpoint.class)
				.hasSingleBean(ContextInstrumentation.class)
				.doesNotHaveBean("llmObsContextGuardAdvisor");
			assertThat(context.getBean(ModelCatalog.class).getDate()).isNotBlank();
			assertThat(context.getBean(LlmObsEndpoint.class).llmobs().context()).isNotNull();
		});
	}

	@Test
	void everyFeatureThatIsOnHasItsFailureCounterAtZeroFromStartUp() {
		this.runner.run((context) -> assertThat(
				context.getBean(MeterRegistry.class).find(InstrumentationErrors.METER_NAME).counters())
			.allSatisfy((counter) -> assertThat(counter.count()).isZero())
			.extracting((counter) -> counter.getId().getTag("component"))
			.containsExactlyInAnyOrder("chat_client", "model_metrics", "spans", "task", "tenant_resolver", "context",
					"tools", "mcp", "prompts", "feedback", "redaction"));
	}

	@Test
	void masterSwitchLeavesNoLlmObsBeanBehind() {
		this.runner.withPropertyValues("llmobs.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanDefinitionNames())
				.noneMatch((name) -> name.toLowerCase(Locale.ROOT).contains("llmobs"));
			assertThat(context).doesNotHaveBean(ModelCatalog.class).doesNotHaveBean(LlmObsProperties.class);
		});
	}

	@Test
	void unknownPropertyFailsNamingIt() {
		this.runner.withPropertyValues("llmobs.tenent.max-values=5").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("llmobs.tenent.max-values");
		});
	}

}
