package io.llmobs.context;

import org.jspecify.annotations.Nullable;

/**
 * The context-window accounting of one model call.
 *
 * @param modelId the model the window was looked up for, or {@code null}
 * @param sections the calibrated tokens per section
 * @param estimatedTokens the uncorrected estimate of the prompt's tokens
 * @param tokens the calibrated estimate: the sum of the sections
 * @param window the model's context window in tokens, or {@code null} when unknown
 * @param provisional whether some texts were estimated from their length because they
 * were not counted yet
 */
public record ContextAccount(@Nullable String modelId, SectionTokens sections, long estimatedTokens, long tokens,
		@Nullable Integer window, boolean provisional) {

	/**
	 * The share of the window that the prompt fills.
	 * @return {@code tokens / window}, or {@code null} when the window is unknown
	 */
	public @Nullable Double utilization() {
		return (this.window != null && this.window > 0) ? (double) this.tokens / this.window : null;
	}

}
