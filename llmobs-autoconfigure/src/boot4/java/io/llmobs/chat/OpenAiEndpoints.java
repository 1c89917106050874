package io.llmobs.chat;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.setup.OpenAiSetup;

/**
 * Whether Spring AI 2's OpenAI client calls Azure OpenAI (Microsoft Foundry), which it
 * reports as {@code openai}; kept apart so that Spring AI's OpenAI module is only loaded
 * when present.
 */
final class OpenAiEndpoints {

	private OpenAiEndpoints() {
	}

	static boolean isAzure(@Nullable ChatOptions options) {
		return options instanceof OpenAiChatOptions openAi
				&& OpenAiSetup.detectModelProvider(openAi.isMicrosoftFoundry(), openAi.isGitHubModels(),
						openAi.getBaseUrl(), openAi.getMicrosoftDeploymentName(),
						openAi.getMicrosoftFoundryServiceVersion()) == OpenAiSetup.ModelProvider.MICROSOFT_FOUNDRY;
	}

}
