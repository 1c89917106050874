/**
 * Auto-configuration of the trace context of Spring AI's OpenAI client.
 */
@NullMarked
package io.llmobs.autoconfigure.openai;

import org.jspecify.annotations.NullMarked;
