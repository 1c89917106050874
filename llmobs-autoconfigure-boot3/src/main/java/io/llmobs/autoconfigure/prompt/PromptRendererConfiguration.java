package io.llmobs.autoconfigure.prompt;

import io.llmobs.prompt.PromptInstrumentation;

import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.ai.template.st.StTemplateRenderer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Sets the tracking template renderer on every auto-configured {@code ChatClient.Builder}
 * through Spring AI 1.1's {@link ChatClientCustomizer}.
 */
@Configuration(proxyBeanMethods = false)
class PromptRendererConfiguration {

	/**
	 * First, so that a renderer the application sets in a customizer of its own replaces
	 * this one.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@ConditionalOnMissingBean(name = "llmObsPromptTemplateRendererCustomizer")
	ChatClientCustomizer llmObsPromptTemplateRendererCustomizer(PromptInstrumentation prompts) {
		return (builder) -> builder
			.defaultTemplateRenderer(prompts.trackingRenderer(StTemplateRenderer.builder().build()));
	}

}
