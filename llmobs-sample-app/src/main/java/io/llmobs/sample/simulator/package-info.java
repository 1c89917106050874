/**
 * A deterministic, OpenAI-compatible chat and embeddings endpoint served by the sample
 * itself, so that it runs offline and without an API key.
 */
@NullMarked
package io.llmobs.sample.simulator;

import org.jspecify.annotations.NullMarked;
