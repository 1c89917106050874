/**
 * A deterministic chat model served by the sample itself on the OpenAI, Anthropic and
 * Ollama wires (and OpenAI-compatible embeddings), so that it runs offline and without an
 * API key.
 */
@NullMarked
package io.llmobs.sample.simulator;

import org.jspecify.annotations.NullMarked;
