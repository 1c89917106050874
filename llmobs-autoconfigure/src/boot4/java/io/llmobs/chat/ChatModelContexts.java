package io.llmobs.chat;

import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Whether a model call streams, as Spring AI 2's model observation tells.
 */
final class ChatModelContexts {

	private ChatModelContexts() {
	}

	static boolean isStreaming(ChatModelObservationContext context) {
		return context.isStreaming();
	}

}
