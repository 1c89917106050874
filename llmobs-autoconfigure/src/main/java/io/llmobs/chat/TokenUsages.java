package io.llmobs.chat;

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

	private static final boolean GOOGLE_GENAI_PRESENT = ClassUtils
		.isPresent("org.springframework.ai.google.genai.metadata.GoogleGenAiUsage", TokenUsages.class.getClassLoader());

	private TokenUsages() {
	}

	static TokenUsage from(@Nullable Usage usage, String provider) {
		if (usage == null) {
			return TokenUsage.NONE;
		}
		long cacheRead = UsageReader.cacheReadTokens(usage);
		long cacheWrite = UsageReader.cacheWriteTokens(usage);
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
			reasoning = UsageReader.reasoningTokens(usage);
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

	private static long orZero(@Nullable Number value) {
		return (value != null) ? value.longValue() : 0;
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
