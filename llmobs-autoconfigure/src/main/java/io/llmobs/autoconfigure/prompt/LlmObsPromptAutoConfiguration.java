package io.llmobs.autoconfigure.prompt;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.PromptTagValues;
import io.llmobs.prompt.PromptInstrumentation;
import io.llmobs.prompt.PromptInventory;
import io.llmobs.prompt.PromptRegistry;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.template.st.StTemplateRenderer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of prompt versions: the
 * {@link PromptRegistry} of the templates under {@code llmobs.prompts.location}, and the
 * prompt identity of every {@code ChatClient} call on its spans.
 */
@AutoConfiguration(after = LlmObsChatAutoConfiguration.class)
@ConditionalOnLlmObsEnabled
@ConditionalOnBooleanProperty(name = "llmobs.prompts.enabled", matchIfMissing = true)
@ConditionalOnClass({ ChatClient.class, StTemplateRenderer.class, Caffeine.class })
@ConditionalOnBean(InstrumentationErrors.class)
@EnableConfigurationProperties(LlmObsPromptProperties.class)
@Import(PromptRendererConfiguration.class)
public final class LlmObsPromptAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PromptInstrumentation llmObsPromptInstrumentation(LlmObsPromptProperties properties, ResourceLoader resourceLoader,
			ObjectProvider<Clock> clock, ObjectProvider<PromptTagValues> tagValues, InstrumentationErrors errors) {
		return new PromptInstrumentation(
				PromptTemplateFiles.read(ResourcePatternUtils.getResourcePatternResolver(resourceLoader),
						properties.getLocation()),
				clock.getIfAvailable(Clock::systemUTC), tagValues.getIfAvailable(), errors);
	}

	/**
	 * Bounds the prompt tags of the chat and judge meters; its presence switches them on.
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "llmobs.prompts.metric-tags.enabled", matchIfMissing = true)
	PromptTagValues llmObsPromptTagValues(LlmObsPromptProperties properties) {
		return new PromptTagValues(properties.getMetricTags().getMaxValues());
	}

	@Bean
	PromptRegistry llmObsPromptRegistry(PromptInstrumentation prompts) {
		return prompts.registry();
	}

	@Bean
	PromptInventory llmObsPromptInventory(PromptInstrumentation prompts) {
		return prompts.inventory();
	}

	@Bean
	ObservationHandler<ChatClientObservationContext> llmObsPromptObservationHandler(PromptInstrumentation prompts) {
		return prompts.observationHandler();
	}

	@Bean
	ObservationFilter llmObsPromptSpanEnricher(PromptInstrumentation prompts) {
		return prompts.spanEnricher();
	}

}
