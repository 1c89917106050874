package io.llmobs.tool;

/**
 * What the guard left on Spring AI's tool observation for the span attributes.
 *
 * @param outcome how the call ended
 * @param circuitBreakerState the breaker's state after the call, lower case
 */
record ToolCallRecord(ToolOutcome outcome, String circuitBreakerState) {
}
