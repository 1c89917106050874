/**
 * Instrumentation of Spring AI chat calls: stage and tenant attribution, chat and model-call metrics, span enrichment and task scopes.
 */
@NullMarked
package io.llmobs.chat;

import org.jspecify.annotations.NullMarked;
