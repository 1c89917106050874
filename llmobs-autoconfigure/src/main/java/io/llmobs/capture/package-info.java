/**
 * Prompt and completion capture on Spring AI's model-call spans in the GenAI semantic
 * conventions' structure, PII counts of model inputs and outputs, and the redaction of
 * the content attributes Spring AI adds itself.
 */
@NullMarked
package io.llmobs.capture;

import org.jspecify.annotations.NullMarked;
