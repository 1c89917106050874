package io.llmobs.chat;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * Whether Spring AI's OpenAI client calls Azure OpenAI: never on Spring AI 1.1, whose
 * Azure OpenAI client is a module of its own that reports itself as {@code azure-openai}.
 */
final class OpenAiEndpoints {

	private OpenAiEndpoints() {
	}

	static boolean isAzure(@Nullable ChatOptions options) {
		return false;
	}

}
