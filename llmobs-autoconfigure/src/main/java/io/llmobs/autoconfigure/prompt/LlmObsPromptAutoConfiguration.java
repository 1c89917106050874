package io.llmobs.autoconfigure.prompt;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.prompt.PromptIdentityResolver;
import io.llmobs.prompt.PromptInventory;
import io.llmobs.prompt.PromptObservationHandler;
import io.llmobs.prompt.PromptRegistry;
import io.llmobs.prompt.PromptRenders;
import io.llmobs.prompt.PromptSpanEnricher;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
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
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of prompt versions: the {@link PromptRegistry} of the templates
 * under {@code llmobs.prompts.location}, and the prompt identity of every {@code ChatClient} call on its spans.
 */
@AutoConfiguration(after = LlmObsChatAutoConfiguration.class)
@ConditionalOnLlmObsEnabled
@ConditionalOnBooleanProperty(name = "llmobs.prompts.enabled", matchIfMissing = true)
@ConditionalOnClass({ ChatClient.class, StTemplateRenderer.class, Caffeine.class })
@ConditionalOnBean(InstrumentationErrors.class)
@EnableConfigurationProperties(LlmObsPromptProperties.class)
public final class LlmObsPromptAutoConfiguration {

	/** Rendered texts, and template hashes, remembered at most. */
	private static final int MAX_RENDERS = 10_000;

	/** Distinct prompt identities of calls listed by the endpoint at most. */
	private static final int MAX_LISTED = 100;

	@Bean
	@ConditionalOnMissingBean
	PromptRenders llmObsPromptRenders() {
		return new PromptRenders(MAX_RENDERS);
	}

	@Bean
	@ConditionalOnMissingBean
	PromptRegistry llmObsPromptRegistry(LlmObsPromptProperties properties, ResourceLoader resourceLoader,
			ObjectProvider<Clock> clock, PromptRenders renders, InstrumentationErrors errors) {
		return new PromptRegistry(
				PromptTemplateFiles.read(ResourcePatternUtils.getResourcePatternResolver(resourceLoader), properties.getLocation()),
				clock.getIfAvailable(Clock::systemUTC).instant(), StTemplateRenderer.builder().build(), renders,
				errors);
	}

	@Bean
	@ConditionalOnMissingBean
	PromptInventory llmObsPromptInventory(PromptRegistry registry, ObjectProvider<Clock> clock) {
		return new PromptInventory(registry, clock.getIfAvailable(Clock::systemUTC), MAX_LISTED);
	}

	@Bean
	@ConditionalOnMissingBean
	PromptIdentityResolver llmObsPromptIdentityResolver(PromptRegistry registry, PromptRenders renders,
			PromptInventory inventory, InstrumentationErrors errors) {
		return new PromptIdentityResolver(registry, renders, inventory, errors);
	}

	@Bean
	@ConditionalOnMissingBean
	PromptObservationHandler llmObsPromptObservationHandler(PromptIdentityResolver resolver,
			InstrumentationErrors errors) {
		return new PromptObservationHandler(resolver, errors);
	}

	@Bean
	@ConditionalOnMissingBean
	PromptSpanEnricher llmObsPromptSpanEnricher(InstrumentationErrors errors) {
		return new PromptSpanEnricher(errors);
	}

	/** First, so that a renderer the application sets in a customizer of its own replaces this one. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@ConditionalOnMissingBean(name = "llmObsPromptTemplateRendererCustomizer")
	ChatClientBuilderCustomizer llmObsPromptTemplateRendererCustomizer(PromptIdentityResolver resolver) {
		return (builder) -> builder
			.defaultTemplateRenderer(resolver.trackingRenderer(StTemplateRenderer.builder().build()));
	}

}
