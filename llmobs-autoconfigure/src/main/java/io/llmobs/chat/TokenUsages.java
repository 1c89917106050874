package io.llmobs.chat;

import com.openai.models.completions.CompletionUsage;
import io.llmobs.cost.TokenUsage;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.google.genai.metadata.GoogleGenAiUsage;
import org.springframework.util.ClassUtils;

/**
 * Normalizes Spring AI's {@link Usage} into a {@link TokenUsage}: input always includes
 * cached tokens, output always includes reasoning tokens, and reasoning tokens are read
 * from the provider's usage where Spring AI does not expose them (OpenAI's native usage,
 * Gemini's thoughts).
 */
final class TokenUsages {

	private static final boolean OPENAI_PRESENT = ClassUtils.isPresent("com.openai.models.completions.CompletionUsage",
			TokenUsages.class.getClassLoader());

	private static final boolean GOOGLE_GENAI_PRESENT = ClassUtils
		.isPresent("org.springframework.ai.google.genai.metadata.GoogleGenAiUsage", TokenUsages.class.getClassLoader());

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
		long output = orZero(usage.getCompletionTokens());
		long reasoning;
		long thoughts = GOOGLE_GENAI_PRESENT ? GoogleGenAiUsages.thoughtsTokens(usage) : 0;
		if (thoughts > 0) {
			// Gemini counts thinking tokens beside its candidates, and bills them as
			// output.
			output += thoughts;
			reasoning = thoughts;
		}
		else {
			reasoning = reasoningTokens(usage.getNativeUsage());
		}
		return new TokenUsage(input, output, cacheRead, cacheWrite, reasoning);
	}

	/**
	 * Whether a response or chunk reports tokens: a stream's chunks mostly carry an empty
	 * usage.
	 */
	static boolean reportsTokens(@Nullable Usage usage) {
		return usage != null && (orZero(usage.getPromptTokens()) > 0 || orZero(usage.getCompletionTokens()) > 0);
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

	/**
	 * Kept apart so that Spring AI's Google GenAI classes are only loaded when present.
	 */
	private static final class GoogleGenAiUsages {

		static long thoughtsTokens(Usage usage) {
			if (usage instanceof GoogleGenAiUsage gemini) {
				Integer thoughts = gemini.getThoughtsTokenCount();
				return (thoughts != null) ? thoughts : 0;
			}
			return 0;
		}

	}

}
