package io.llmobs.autoconfigure.conversation;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.context.LlmObsContextAutoConfiguration;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.context.ContextInstrumentation;
import io.llmobs.conversation.ConversationInstrumentation;
import io.llmobs.conversation.Conversations;
import io.llmobs.core.InstrumentationErrors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of conversations: the conversation
 * id on the spans of {@code ChatClient} calls that carry one and of their model calls,
 * and the recent conversations that the endpoint lists.
 */
@AutoConfiguration(after = { LlmObsChatAutoConfiguration.class, LlmObsContextAutoConfiguration.class })
@ConditionalOnLlmObsEnabled
@ConditionalOnBooleanProperty(name = "llmobs.conversations.enabled", matchIfMissing = true)
@ConditionalOnClass({ ChatClient.class, Caffeine.class })
@ConditionalOnBean({ InstrumentationErrors.class, ModelCallAccounting.class, MeterRegistry.class })
@EnableConfigurationProperties(LlmObsConversationProperties.class)
public final class LlmObsConversationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConversationInstrumentation llmObsConversationInstrumentation(LlmObsConversationProperties properties,
			ModelCallAccounting modelCalls, ObjectProvider<ContextInstrumentation> context, MeterRegistry meterRegistry,
			InstrumentationErrors errors) {
		ContextInstrumentation contextInstrumentation = context.getIfAvailable();
		return new ConversationInstrumentation(properties.getMaxTracked(), properties.getExpireAfterIdle(),
				properties.getTop(), modelCalls,
				(contextInstrumentation != null) ? contextInstrumentation.accountant() : null, meterRegistry, errors);
	}

	@Bean
	Conversations llmObsConversations(ConversationInstrumentation conversations) {
		return conversations.conversations();
	}

	@Bean
	ObservationHandler<Observation.Context> llmObsConversationObservationHandler(
			ConversationInstrumentation conversations) {
		return conversations.observationHandler();
	}

	@Bean
	ObservationFilter llmObsConversationSpanEnricher(ConversationInstrumentation conversations) {
		return conversations.spanEnricher();
	}

}
