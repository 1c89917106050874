package io.llmobs.cost;

/**
 * Prices that apply when a request's input exceeds a number of tokens (a long-context
 * tier).
 *
 * @param aboveInputTokens the tier applies to requests with more input tokens than this
 * @param prices the prices within the tier
 */
public record PriceTier(long aboveInputTokens, TokenPrices prices) {
}
