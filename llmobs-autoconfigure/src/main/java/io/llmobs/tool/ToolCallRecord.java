package io.llmobs.tool;

import org.jspecify.annotations.Nullable;

/**
 * What the guard left on Spring AI's tool observation for the span attributes.
 *
 * @param outcome how the call ended
 * @param circuitBreakerState the breaker's state after the call, lower case; {@code null}
 * without breakers
 * @param errorType the {@code error.type} of a call that did not succeed: the class of
 * the tool's exception, or the outcome when the tool was not run or did not answer in
 * time; {@code null} for a success
 */
record ToolCallRecord(ToolOutcome outcome, @Nullable String circuitBreakerState, @Nullable String errorType) {
}
