package io.llmobs.cost;

import org.jspecify.annotations.Nullable;

/**
 * Prices in USD per one million tokens.
 *
 * @param input price of uncached input tokens
 * @param output price of output tokens
 * @param cacheRead price of input tokens read from the prompt cache, or {@code null} to
 * bill them as input
 * @param cacheWrite price of input tokens written to the prompt cache, or {@code null} to
 * bill them as input
 */
public record TokenPrices(double input, double output, @Nullable Double cacheRead, @Nullable Double cacheWrite) {

	private static final double PER_TOKEN = 1_000_000.0;

	/**
	 * The USD cost of the given usage at these prices.
	 * @param usage the tokens of one response
	 * @return the cost in USD
	 */
	public double costOf(TokenUsage usage) {
		double cacheReadPrice = (this.cacheRead != null) ? this.cacheRead : this.input;
		double cacheWritePrice = (this.cacheWrite != null) ? this.cacheWrite : this.input;
		double micros = usage.uncachedInput() * this.input + usage.cacheRead() * cacheReadPrice
				+ usage.cacheWrite() * cacheWritePrice + usage.output() * this.output;
		return micros / PER_TOKEN;
	}

}
