package io.llmobs.sample.shipping;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer of the Shipping Cost Agent.
 *
 * @param category what the question was classified as
 * @param passages the titles of the rate-card passages the quote was based on
 * @param answer the quote, or the agent's explanation why it cannot quote
 * @param responseId the provider's id of the answer (empty from Ollama, whose wire has
 * none), or {@code null} when no answer was generated
 * @param traceId the trace of the request, to send feedback against
 * ({@code POST /api/feedback}), or {@code null} without tracing
 * @param costUsd what the models charged for the whole quote
 */
public record Quote(String category, List<String> passages, String answer, @Nullable String responseId,
		@Nullable String traceId, double costUsd) {
}
