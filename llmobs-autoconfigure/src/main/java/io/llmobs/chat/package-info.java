/**
 * Instrumentation of Spring AI chat calls: stage and tenant attribution, chat and model-call metrics, span enrichment and
 * task scopes; and the building blocks the other feature packages share: bounded tag values, instrumentation errors,
 * tables of what was computed for recent objects.
 */
@NullMarked
package io.llmobs.chat;

import org.jspecify.annotations.NullMarked;
