package io.llmobs.chat;

import org.springframework.ai.chat.client.advisor.api.Advisor;

/**
 * An advisor of llmobs: every bean of this type is added to each auto-configured
 * {@code ChatClient.Builder} and to the builders of {@link LlmObs#chatClientBuilder}.
 */
public interface LlmObsAdvisor extends Advisor {

}
