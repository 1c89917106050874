/**
 * Tool calls as dependencies: a timer per tool and outcome, attributes on Spring AI's tool spans, and a
 * Resilience4j circuit breaker per tool that answers the model with a degraded-mode message while it is open.
 */
@NullMarked
package io.llmobs.tool;

import org.jspecify.annotations.NullMarked;
