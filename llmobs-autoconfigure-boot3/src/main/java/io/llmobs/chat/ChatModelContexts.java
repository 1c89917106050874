package io.llmobs.chat;

import io.llmobs.core.ObservationAncestry;

import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Whether a model call streams: Spring AI 1.1's model observation does not tell, the
 * {@code ChatClient} call around it does. A model called directly, outside a
 * {@code ChatClient}, counts as not streaming.
 */
final class ChatModelContexts {

	private ChatModelContexts() {
	}

	static boolean isStreaming(ChatModelObservationContext context) {
		ChatClientObservationContext call = ObservationAncestry.findContext(context,
				ChatClientObservationContext.class);
		return call != null && call.isStream();
	}

}
