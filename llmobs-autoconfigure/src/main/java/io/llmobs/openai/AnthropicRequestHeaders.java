package io.llmobs.openai;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.prompt.ChatOptions;

/** The per-request HTTP headers of Spring AI's Anthropic client. */
final class AnthropicRequestHeaders implements RequestHeaders {

	@Override
	public @Nullable Map<String, String> of(ChatOptions options) {
		if (!(options instanceof AnthropicChatOptions anthropic)) {
			return null;
		}
		Map<String, String> headers = anthropic.getHttpHeaders();
		return (headers != null) ? headers : Map.of();
	}

	@Override
	public ChatOptions with(ChatOptions options, Map<String, String> headers) {
		return ((AnthropicChatOptions) options).mutate().httpHeaders(headers).build();
	}

}
