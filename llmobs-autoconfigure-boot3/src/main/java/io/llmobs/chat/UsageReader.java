package io.llmobs.chat;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.anthropic.api.AnthropicApi;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.util.ClassUtils;

/**
 * Reads the token counts that Spring AI 1.1's {@link Usage} lacks (it has no cache
 * counts) from the provider's native usage: OpenAI's cached prompt tokens and reasoning
 * tokens, Anthropic's cache reads and writes. Other providers report none.
 */
final class UsageReader {

	private static final boolean OPENAI_PRESENT = ClassUtils.isPresent("org.springframework.ai.openai.api.OpenAiApi",
			UsageReader.class.getClassLoader());

	private static final boolean ANTHROPIC_PRESENT = ClassUtils
		.isPresent("org.springframework.ai.anthropic.api.AnthropicApi", UsageReader.class.getClassLoader());

	private UsageReader() {
	}

	static long cacheReadTokens(Usage usage) {
		Object nativeUsage = usage.getNativeUsage();
		if (OPENAI_PRESENT && OpenAiUsage.is(nativeUsage)) {
			return OpenAiUsage.cachedTokens(nativeUsage);
		}
		return (ANTHROPIC_PRESENT && AnthropicUsage.is(nativeUsage)) ? AnthropicUsage.cacheReadTokens(nativeUsage) : 0;
	}

	static long cacheWriteTokens(Usage usage) {
		Object nativeUsage = usage.getNativeUsage();
		return (ANTHROPIC_PRESENT && AnthropicUsage.is(nativeUsage)) ? AnthropicUsage.cacheWriteTokens(nativeUsage) : 0;
	}

	static long reasoningTokens(Usage usage) {
		Object nativeUsage = usage.getNativeUsage();
		return (OPENAI_PRESENT && OpenAiUsage.is(nativeUsage)) ? OpenAiUsage.reasoningTokens(nativeUsage) : 0;
	}

	private static long orZero(@Nullable Number value) {
		return (value != null) ? value.longValue() : 0;
	}

	/** Kept apart so that Spring AI's OpenAI module is only loaded when present. */
	private static final class OpenAiUsage {

		static boolean is(@Nullable Object nativeUsage) {
			return nativeUsage instanceof OpenAiApi.Usage;
		}

		static long cachedTokens(Object nativeUsage) {
			OpenAiApi.Usage.PromptTokensDetails details = ((OpenAiApi.Usage) nativeUsage).promptTokensDetails();
			return (details != null) ? orZero(details.cachedTokens()) : 0;
		}

		static long reasoningTokens(Object nativeUsage) {
			OpenAiApi.Usage.CompletionTokenDetails details = ((OpenAiApi.Usage) nativeUsage).completionTokenDetails();
			return (details != null) ? orZero(details.reasoningTokens()) : 0;
		}

	}

	/** Kept apart so that Spring AI's Anthropic module is only loaded when present. */
	private static final class AnthropicUsage {

		static boolean is(@Nullable Object nativeUsage) {
			return nativeUsage instanceof AnthropicApi.Usage;
		}

		static long cacheReadTokens(Object nativeUsage) {
			return orZero(((AnthropicApi.Usage) nativeUsage).cacheReadInputTokens());
		}

		static long cacheWriteTokens(Object nativeUsage) {
			return orZero(((AnthropicApi.Usage) nativeUsage).cacheCreationInputTokens());
		}

	}

}
