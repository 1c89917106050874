package io.llmobs.autoconfigure.feedback;

import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.core.LlmObsProperties;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.SharedValues;
import io.llmobs.feedback.FeedbackInstrumentation;
import io.llmobs.feedback.FeedbackRecorder;
import io.llmobs.feedback.Guardrails;
import io.llmobs.feedback.Interactions;
import io.llmobs.judge.FailureRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of guardrail verdicts
 * ({@link Guardrails}, whose blocks count as {@code safety} failures when there is a
 * {@link FailureRecorder}) and, unless {@code llmobs.feedback.enabled} is false, of user
 * feedback ({@link FeedbackRecorder}) on recent calls.
 */
@AutoConfiguration(after = LlmObsChatAutoConfiguration.class)
@ConditionalOnLlmObsEnabled
@ConditionalOnClass(ChatClient.class)
@ConditionalOnBean({ InstrumentationErrors.class, MeterRegistry.class, ObservationRegistry.class })
@EnableConfigurationProperties(LlmObsFeedbackProperties.class)
public final class LlmObsFeedbackAutoConfiguration {

	@Bean
	Guardrails llmObsGuardrails(MeterRegistry meterRegistry, ObservationRegistry observationRegistry,
			LlmObsProperties properties, ObjectProvider<Interactions> interactions, InstrumentationErrors errors,
			ObjectProvider<FailureRecorder> failures) {
		return new Guardrails(meterRegistry, observationRegistry,
				new BoundedTagValues(properties.getGuardrail().getMaxValues()), interactions.getIfAvailable(), errors,
				failures.getIfAvailable(), properties.getDefaultStage());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "llmobs.feedback.enabled", matchIfMissing = true)
	static class FeedbackConfiguration {

		@Bean
		FeedbackInstrumentation llmObsFeedbackInstrumentation(LlmObsFeedbackProperties properties,
				MeterRegistry meterRegistry, InstrumentationErrors errors, ObjectProvider<SharedValues> shared) {
			LlmObsFeedbackProperties.Cache cache = properties.getCache();
			return new FeedbackInstrumentation(cache.getMaxSize(), cache.getExpireAfterWrite(), meterRegistry, errors,
					shared.getIfAvailable());
		}

		@Bean
		Interactions llmObsInteractions(FeedbackInstrumentation feedback) {
			return feedback.interactions();
		}

		@Bean
		ObservationHandler<ChatClientObservationContext> llmObsFeedbackObservationHandler(
				FeedbackInstrumentation feedback) {
			return feedback.observationHandler();
		}

		@Bean
		FeedbackRecorder llmObsFeedbackRecorder(FeedbackInstrumentation feedback) {
			return feedback.recorder();
		}

	}

}
