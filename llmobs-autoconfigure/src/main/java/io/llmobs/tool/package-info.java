/**
 * Tool calls as dependencies: a timer per tool and outcome, attributes on Spring AI's
 * tool spans, bounded agent loops and, with Resilience4j on the class path, a circuit
 * breaker per tool that answers the model with a degraded-mode message while it is open
 * ({@link io.llmobs.tool.ToolCircuitBreakers} is the only class here that needs
 * Resilience4j).
 */
@NullMarked
package io.llmobs.tool;

import org.jspecify.annotations.NullMarked;
