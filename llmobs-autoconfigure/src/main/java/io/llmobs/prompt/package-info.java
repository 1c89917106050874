/**
 * Prompt versions: a registry of named prompt templates whose version is a hash of their content, and the prompt
 * identity ({@code gen_ai.prompt.name}, {@code gen_ai.prompt.version}, {@code llmobs.prompt.hash}) of every chat call.
 */
@NullMarked
package io.llmobs.prompt;

import org.jspecify.annotations.NullMarked;
