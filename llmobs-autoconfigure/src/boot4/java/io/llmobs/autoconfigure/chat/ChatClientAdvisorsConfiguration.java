package io.llmobs.autoconfigure.chat;

import io.llmobs.chat.LlmObsAdvisor;

import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.chat.client.advisor.api.Advisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds llmobs's advisors to every auto-configured {@code ChatClient.Builder} through
 * Spring AI 2's {@link ChatClientBuilderCustomizer}.
 */
@Configuration(proxyBeanMethods = false)
class ChatClientAdvisorsConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "llmObsChatClientBuilderCustomizer")
	ChatClientBuilderCustomizer llmObsChatClientBuilderCustomizer(ObjectProvider<LlmObsAdvisor> advisors) {
		return (builder) -> builder.defaultAdvisors(advisors.orderedStream().toArray(Advisor[]::new));
	}

}
