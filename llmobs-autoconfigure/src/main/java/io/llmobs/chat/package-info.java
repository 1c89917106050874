/**
 * Instrumentation of Spring AI chat calls: stage and tenant attribution, chat and
 * model-call metrics, span enrichment and task scopes. {@link io.llmobs.chat.LlmObs} is
 * what applications call; the wiring builds the rest through
 * {@link io.llmobs.chat.ChatInstrumentation}; {@link io.llmobs.chat.ChatCalls},
 * {@link io.llmobs.chat.ModelCallAccounting} and {@link io.llmobs.chat.ChatComponents}
 * are public for the features that extend the chat instrumentation.
 */
@NullMarked
package io.llmobs.chat;

import org.jspecify.annotations.NullMarked;
