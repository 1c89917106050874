package io.llmobs.autoconfigure.chat;

import java.time.Duration;

import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.core.BoundedTags;
import io.llmobs.core.CallAttributionResolver;
import io.llmobs.core.PromptTagValues;
import io.llmobs.chat.ChatCallListener;
import io.llmobs.chat.ChatInstrumentation;
import io.llmobs.chat.ChatMetricNames;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.chat.LlmObs;
import io.llmobs.chat.LlmObsAdvisor;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.chat.ModelCallRetries;
import io.llmobs.cost.CostTotals;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.cost.UnpricedModelWarnings;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.util.function.SingletonSupplier;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the chat-call instrumentation:
 * observation handlers for {@code ChatClient} and model calls, the span enrichment
 * filter, the stream advisor (added to every auto-configured {@code ChatClient.Builder})
 * and task scopes.
 */
@AutoConfiguration(after = { LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnLlmObsEnabled
@ConditionalOnClass({ ChatClient.class, ChatModelObservationContext.class })
@ConditionalOnBean({ InstrumentationErrors.class, ObservationRegistry.class, ModelCatalog.class })
@Import(ChatClientAdvisorsConfiguration.class)
public final class LlmObsChatAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChatInstrumentation llmObsChatInstrumentation(ModelCatalog catalog, BoundedTags tags,
			CallAttributionResolver attributionResolver, CostTotals costTotals, UnpricedModelWarnings unpricedWarnings,
			InstrumentationErrors errors, MeterRegistry meterRegistry, ObjectProvider<ChatCallListener> listeners,
			ObjectProvider<PromptTagValues> promptTags, BeanFactory beanFactory) {
		return new ChatInstrumentation(catalog, tags, attributionResolver, costTotals, unpricedWarnings, errors,
				meterRegistry, SingletonSupplier.of(() -> listeners.orderedStream().toList()),
				promptTags.getIfAvailable() != null, GoogleGenAiClients.vertexAi(beanFactory));
	}

	@Bean
	ModelCallAccounting llmObsModelCallAccounting(ChatInstrumentation chat) {
		return chat.modelCalls();
	}

	@Bean
	ObservationHandler<ChatModelObservationContext> llmObsChatModelMetricsHandler(ChatInstrumentation chat) {
		return chat.modelMetricsHandler();
	}

	@Bean
	ObservationHandler<EmbeddingModelObservationContext> llmObsEmbeddingModelMetricsHandler(ChatInstrumentation chat) {
		return chat.embeddingMetricsHandler();
	}

	@Bean
	ModelCallRetries llmObsModelCallRetries(ChatInstrumentation chat) {
		return chat.retries();
	}

	@Bean
	ObservationFilter llmObsChatSpanEnricher(ChatInstrumentation chat) {
		return chat.spanEnricher();
	}

	@Bean
	ObservationHandler<ChatClientObservationContext> llmObsChatClientMetricsHandler(ChatInstrumentation chat) {
		return chat.callMetricsHandler();
	}

	@Bean
	LlmObsAdvisor llmObsChatClientStreamAdvisor(ChatInstrumentation chat) {
		return chat.streamAdvisor();
	}

	@Bean
	@ConditionalOnMissingBean
	LlmObs llmObs(ObservationRegistry observationRegistry, MeterRegistry meterRegistry, BoundedTags tags,
			InstrumentationErrors errors, ObjectProvider<LlmObsAdvisor> advisors) {
		return new LlmObs(observationRegistry, meterRegistry, tags.tasks(), errors, advisors.orderedStream().toList());
	}

	@Bean
	static MeterFilter llmObsTaskHistogramMeterFilter() {
		return new MeterFilter() {

			@Override
			public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
				if (id.getType() == Meter.Type.TIMER && ChatMetricNames.TASK.equals(id.getName())) {
					return DistributionStatisticConfig.builder()
						.percentilesHistogram(true)
						.minimumExpectedValue((double) Duration.ofMillis(10).toNanos())
						.maximumExpectedValue((double) Duration.ofMinutes(10).toNanos())
						.build()
						.merge(config);
				}
				return config;
			}

		};
	}

	/**
	 * Counts the retries of Spring AI's {@code RetryTemplate} beans, which the Ollama and
	 * Google GenAI clients use.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TransientAiException.class)
	static class SpringAiRetryConfiguration {

		@Bean
		static BeanPostProcessor llmObsRetryTemplateListener(ObjectProvider<ChatInstrumentation> chat,
				ObjectProvider<ObservationRegistry> observationRegistry) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (ChatInstrumentation.isRetryTemplate(bean)) {
						chat.getObject().countRetries(bean, observationRegistry.getObject());
					}
					return bean;
				}

			};
		}

	}

}
