package io.llmobs.chat;

import org.jspecify.annotations.Nullable;

/**
 * Where a model call belongs, resolved once when it starts.
 *
 * @param attribution stage and tenant
 * @param task the enclosing task scope, or {@code null}
 */
record ModelCallScope(CallAttribution attribution, @Nullable LlmTaskContext task) {
}
