package io.llmobs.chat;

import com.openai.models.completions.CompletionUsage;
import io.llmobs.cost.TokenUsage;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.Usage;
import org.springframework.util.ClassUtils;

/**
 * Normalizes Spring AI's {@link Usage} into a {@link TokenUsage}: input always includes
 * cached tokens, and reasoning tokens are read from the provider's native usage where
 * Spring AI does not expose them.
 */
final class TokenUsages {

	private static final boolean OPENAI_PRESENT = ClassUtils.isPresent("com.openai.models.completions.CompletionUsage",
			TokenUsages.class.getClassLoader());

	private TokenUsages() {
	}

	static TokenUsage from(@Nullable Usage usage, String provider) {
		if (usage == null) {
			return TokenUsage.NONE;
		}
		long cacheRead = orZero(usage.getCacheReadInputTokens());
		long cacheWrite = orZero(usage.getCacheWriteInputTokens());
		long input = orZero(usage.getPromptTokens());
		if (ProviderNames.reportsCacheOutsideInput(provider)) {
			input += cacheRead + cacheWrite;
		}
		return new TokenUsage(input, orZero(usage.getCompletionTokens()), cacheRead, cacheWrite,
				reasoningTokens(usage.getNativeUsage()));
	}

	private static long reasoningTokens(@Nullable Object nativeUsage) {
		if (OPENAI_PRESENT && nativeUsage != null) {
			return OpenAiUsage.reasoningTokens(nativeUsage);
		}
		return 0;
	}

	private static long orZero(@Nullable Number value) {
		return (value != null) ? value.longValue() : 0;
	}

	/** Kept apart so that the OpenAI SDK class is only loaded when present. */
	private static final class OpenAiUsage {

		static long reasoningTokens(Object nativeUsage) {
			if (nativeUsage instanceof CompletionUsage usage) {
				return usage.completionTokensDetails()
					.flatMap(CompletionUsage.CompletionTokensDetails::reasoningTokens)
					.orElse(0L);
			}
			return 0;
		}

	}

}
