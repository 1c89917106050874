package io.llmobs.chat;

import io.llmobs.core.CallAttribution;
import io.llmobs.core.CallPrompt;

import org.jspecify.annotations.Nullable;

/**
 * Where a model call belongs, resolved once when it starts.
 *
 * @param attribution stage and tenant
 * @param task the enclosing task scope, or {@code null}
 * @param iteration the model call's position in its {@code ChatClient} call, from 1 (each
 * round trip of the tool loop is one); 1 for a model called directly
 * @param prompt the bounded prompt tags of the enclosing {@code ChatClient} call, or
 * {@code null} when the meters carry no prompt tags
 */
public record ModelCallScope(CallAttribution attribution, @Nullable LlmTaskContext task, int iteration,
		@Nullable CallPrompt prompt) {
}
