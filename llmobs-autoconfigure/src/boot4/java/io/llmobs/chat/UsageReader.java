package io.llmobs.chat;

import com.openai.models.completions.CompletionUsage;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.Usage;
import org.springframework.util.ClassUtils;

/**
 * Reads the token counts of Spring AI 2's {@link Usage} that not every Spring AI line
 * has: cache reads and writes from the usage itself, reasoning tokens from the OpenAI
 * SDK's native usage.
 */
final class UsageReader {

	private static final boolean OPENAI_PRESENT = ClassUtils.isPresent("com.openai.models.completions.CompletionUsage",
			UsageReader.class.getClassLoader());

	private UsageReader() {
	}

	static long cacheReadTokens(Usage usage) {
		return orZero(usage.getCacheReadInputTokens());
	}

	static long cacheWriteTokens(Usage usage) {
		return orZero(usage.getCacheWriteInputTokens());
	}

	static long reasoningTokens(Usage usage) {
		Object nativeUsage = usage.getNativeUsage();
		return (OPENAI_PRESENT && nativeUsage != null) ? OpenAiUsage.reasoningTokens(nativeUsage) : 0;
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
