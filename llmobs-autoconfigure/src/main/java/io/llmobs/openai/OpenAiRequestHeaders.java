package io.llmobs.openai;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.openai.OpenAiChatOptions;

/** The custom headers of Spring AI's OpenAI client. */
final class OpenAiRequestHeaders implements RequestHeaders {

	@Override
	public @Nullable Map<String, String> of(ChatOptions options) {
		if (!(options instanceof OpenAiChatOptions openAi)) {
			return null;
		}
		Map<String, String> headers = openAi.getCustomHeaders();
		return (headers != null) ? headers : Map.of();
	}

	@Override
	public ChatOptions with(ChatOptions options, Map<String, String> headers) {
		return ((OpenAiChatOptions) options).mutate().customHeaders(headers).build();
	}

}
