package io.llmobs.autoconfigure.openai;

import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.chat.LlmObs;
import io.llmobs.chat.LlmObsAdvisor;
import io.llmobs.openai.OpenAiInstrumentation;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.anthropic.http.okhttp.AnthropicHttpClientBuilderCustomizer;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LlmObsOpenAiAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class, LlmObsChatAutoConfiguration.class,
				LlmObsOpenAiAutoConfiguration.class));

	private final ApplicationContextRunner tracedRunner = this.runner.withBean(Tracer.class, () -> Tracer.NOOP)
		.withBean(Propagator.class, () -> Propagator.NOOP);

	@Test
	void streamedRequestsAreCorrelatedWithTheirModelSpanWhenTracing() {
		this.tracedRunner.run((context) -> {
			assertThat(context).hasSingleBean(OpenAiInstrumentation.class);
			assertThat(context.getBeansOfType(OpenAiHttpClientBuilderCustomizer.class))
				.containsOnlyKeys("llmObsOpenAiRetriedAttempts", "llmObsCorrelationHeaderRemover");
			assertThat(context.getBeansOfType(AnthropicHttpClientBuilderCustomizer.class))
				.containsOnlyKeys("llmObsAnthropicRetriedAttempts", "llmObsAnthropicCorrelationHeaderRemover");
			OpenAiInstrumentation openAi = context.getBean(OpenAiInstrumentation.class);
			assertThat(context.getBean("llmObsStreamModelSpans")).isSameAs(openAi.modelSpans());
			assertThat(context.getBean("llmObsStreamRequestTracingHandler")).isSameAs(openAi.requestTracingHandler());
			assertThat(context.getBeansOfType(LlmObsAdvisor.class).values()).contains(openAi.correlationAdvisor());
			assertThat(context.getBean(LlmObs.class).advisors()).contains(openAi.correlationAdvisor());
		});
	}

	@Test
	void withoutTracingNoRequestIsCorrelated() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(OpenAiInstrumentation.class)
			.doesNotHaveBean("llmObsStreamCorrelationAdvisor")
			.doesNotHaveBean(OpenAiHttpClientBuilderCustomizer.class));
	}

	@Test
	void withOneOfTheTwoClientsOnlyItsCustomizersAreConfigured() {
		this.tracedRunner.withClassLoader(new FilteredClassLoader("org.springframework.ai.openai."))
			.run((context) -> assertThat(context).hasSingleBean(OpenAiInstrumentation.class)
				.doesNotHaveBean(OpenAiHttpClientBuilderCustomizer.class)
				.hasBean("llmObsAnthropicRetriedAttempts"));
		this.tracedRunner.withClassLoader(new FilteredClassLoader("org.springframework.ai.anthropic."))
			.run((context) -> assertThat(context).hasSingleBean(OpenAiInstrumentation.class)
				.doesNotHaveBean(AnthropicHttpClientBuilderCustomizer.class)
				.hasBean("llmObsOpenAiRetriedAttempts"));
	}

	@Test
	void withoutSpringAiOpenAiAndAnthropicOrWithoutOkHttpNothingIsConfigured() {
		this.tracedRunner.withClassLoader(new FilteredClassLoader(OpenAiChatOptions.class, AnthropicChatOptions.class))
			.run((context) -> assertThat(context).doesNotHaveBean(OpenAiInstrumentation.class));
		this.tracedRunner.withClassLoader(new FilteredClassLoader(OkHttpClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(OpenAiInstrumentation.class));
	}

	@Test
	void backsOffWhenLlmObsIsDisabled() {
		this.tracedRunner.withPropertyValues("llmobs.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(OpenAiInstrumentation.class));
	}

}
