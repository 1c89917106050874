package io.llmobs.cost;

/**
 * Token counts of one model response, normalized across providers.
 *
 * @param input all input tokens of the request, cached ones included
 * @param output all output tokens, reasoning tokens included
 * @param cacheRead input tokens served from the provider's prompt cache
 * @param cacheWrite input tokens written to the provider's prompt cache
 * @param reasoning output tokens spent on reasoning, as reported by the provider
 */
public record TokenUsage(long input, long output, long cacheRead, long cacheWrite, long reasoning) {

	/** Usage of a response that reported none. */
	public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, 0);

	/**
	 * Input tokens billed at the plain input price.
	 * @return input tokens that were neither read from nor written to a cache
	 */
	public long uncachedInput() {
		return Math.max(0, this.input - this.cacheRead - this.cacheWrite);
	}

	/**
	 * Whether the provider reported any token at all.
	 * @return {@code true} when every count is zero
	 */
	public boolean isEmpty() {
		return this.input == 0 && this.output == 0 && this.cacheRead == 0 && this.cacheWrite == 0
				&& this.reasoning == 0;
	}

}
