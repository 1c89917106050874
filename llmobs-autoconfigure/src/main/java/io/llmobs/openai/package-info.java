/**
 * Trace context and SDK retries for Spring AI's OpenAI and Anthropic clients: the HTTP
 * request of a streamed model call is sent in the trace of its model span, as the request
 * of a plain call is, and each retried attempt is counted. The wiring builds it through
 * {@link io.llmobs.openai.OpenAiInstrumentation}.
 */
@NullMarked
package io.llmobs.openai;

import org.jspecify.annotations.NullMarked;
