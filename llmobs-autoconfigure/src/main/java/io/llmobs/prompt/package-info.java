/**
 * Prompt versions: a registry of named prompt templates whose version is a hash of their
 * content, and the prompt identity ({@code gen_ai.prompt.name},
 * {@code gen_ai.prompt.version}, {@code llmobs.prompt.hash}) of every chat call.
 * Applications call {@link io.llmobs.prompt.PromptRegistry} and
 * {@link io.llmobs.prompt.PromptVersions}; the wiring builds the rest through
 * {@link io.llmobs.prompt.PromptInstrumentation}.
 */
@NullMarked
package io.llmobs.prompt;

import org.jspecify.annotations.NullMarked;
