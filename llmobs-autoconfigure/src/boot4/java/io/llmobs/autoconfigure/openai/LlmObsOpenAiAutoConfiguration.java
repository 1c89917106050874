package io.llmobs.autoconfigure.openai;

import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.chat.LlmObsAdvisor;
import io.llmobs.chat.ModelCallRetries;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.openai.OpenAiInstrumentation;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpContext;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

import org.springframework.ai.anthropic.http.okhttp.AnthropicHttpClientBuilderCustomizer;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the trace context and the SDK
 * retries of Spring AI's OpenAI and Anthropic clients: the HTTP request of a streamed
 * {@code ChatClient} call is a child of its model span and carries that span's
 * {@code traceparent} and {@code baggage}, as the request of a plain call does, and each
 * attempt that the SDK retries is counted.
 */
@AutoConfiguration(after = { LlmObsChatAutoConfiguration.class, MicrometerTracingAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration")
@ConditionalOnLlmObsEnabled
@ConditionalOnClass({ ChatClient.class, OkHttpClient.class, Tracer.class })
@Conditional(LlmObsOpenAiAutoConfiguration.OnOpenAiOrAnthropicClient.class)
@ConditionalOnBean({ Tracer.class, Propagator.class, InstrumentationErrors.class })
public final class LlmObsOpenAiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OpenAiInstrumentation llmObsOpenAiInstrumentation(InstrumentationErrors errors, Tracer tracer,
			Propagator propagator) {
		return new OpenAiInstrumentation(errors, tracer, propagator);
	}

	@Bean
	ObservationHandler<ChatModelObservationContext> llmObsStreamModelSpans(OpenAiInstrumentation openAi) {
		return openAi.modelSpans();
	}

	@Bean
	LlmObsAdvisor llmObsStreamCorrelationAdvisor(OpenAiInstrumentation openAi) {
		return openAi.correlationAdvisor();
	}

	/**
	 * Before Boot's sender tracing handler, which would start the stream's HTTP span in a
	 * trace of its own.
	 */
	@Bean
	@Order(MicrometerTracingAutoConfiguration.SENDER_TRACING_OBSERVATION_HANDLER_ORDER - 100)
	TracingObservationHandler<OkHttpContext> llmObsStreamRequestTracingHandler(OpenAiInstrumentation openAi) {
		return openAi.requestTracingHandler();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OpenAiHttpClientBuilderCustomizer.class)
	static class OpenAiClientConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "llmObsCorrelationHeaderRemover")
		OpenAiHttpClientBuilderCustomizer llmObsCorrelationHeaderRemover(OpenAiInstrumentation openAi) {
			return (builder) -> builder.interceptor(openAi.correlationHeaderRemover());
		}

		/**
		 * Counts the OpenAI SDK's retries; first of the customizers, so that it reads a
		 * stream's correlation id before it is taken off.
		 */
		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		@ConditionalOnBean({ ModelCallRetries.class, ObservationRegistry.class })
		@ConditionalOnMissingBean(name = "llmObsOpenAiRetriedAttempts")
		OpenAiHttpClientBuilderCustomizer llmObsOpenAiRetriedAttempts(OpenAiInstrumentation openAi,
				ModelCallRetries retries, ObservationRegistry observationRegistry) {
			Interceptor interceptor = openAi.retriedAttempts(retries, observationRegistry);
			return (builder) -> builder.interceptor(interceptor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AnthropicHttpClientBuilderCustomizer.class)
	static class AnthropicClientConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "llmObsAnthropicCorrelationHeaderRemover")
		AnthropicHttpClientBuilderCustomizer llmObsAnthropicCorrelationHeaderRemover(OpenAiInstrumentation openAi) {
			return (builder) -> builder.interceptor(openAi.correlationHeaderRemover());
		}

		/**
		 * Counts the Anthropic SDK's retries; first of the customizers, so that it reads
		 * a stream's correlation id before it is taken off.
		 */
		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		@ConditionalOnBean({ ModelCallRetries.class, ObservationRegistry.class })
		@ConditionalOnMissingBean(name = "llmObsAnthropicRetriedAttempts")
		AnthropicHttpClientBuilderCustomizer llmObsAnthropicRetriedAttempts(OpenAiInstrumentation openAi,
				ModelCallRetries retries, ObservationRegistry observationRegistry) {
			Interceptor interceptor = openAi.retriedAttempts(retries, observationRegistry);
			return (builder) -> builder.interceptor(interceptor);
		}

	}

	/** Spring AI's OpenAI client, or its Anthropic client, is on the class path. */
	static final class OnOpenAiOrAnthropicClient extends AnyNestedCondition {

		OnOpenAiOrAnthropicClient() {
			super(ConfigurationCondition.ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnClass(name = "org.springframework.ai.openai.OpenAiChatOptions")
		static final class OpenAi {

		}

		@ConditionalOnClass(name = "org.springframework.ai.anthropic.AnthropicChatOptions")
		static final class Anthropic {

		}

	}

}
