package io.llmobs.chat;

import java.util.List;
import java.util.Map;

import io.llmobs.core.CallAttribution;
import io.llmobs.core.CallPrompt;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * A {@code ChatClient} call that ended, as {@link ChatCallListener}s see it: references
 * to its request, response and answer, nothing copied.
 *
 * @param request the request as the application made it
 * @param response the final response, or the last chunk of a stream; {@code null} when
 * none came
 * @param responseContext the advisor context of the final response (retrieved documents),
 * empty when unknown
 * @param answerChunks the answer's text: one element for {@code call()}, the chunks of a
 * stream
 * @param outcome how the call ended
 * @param error the failure, when the outcome is an error and it is known
 * @param attribution stage and tenant
 * @param model the bounded model tag value
 * @param toolFailures tool calls that failed, timed out or were rejected within the call
 * @param loopStopped whether llmobs stopped the call's tool loop at
 * {@code llmobs.tools.max-iterations} or held back an identical tool call
 * @param toolResults what the tools returned within the call
 * @param guardrailBlocked whether a guardrail of the application reported a block within
 * the call
 * @param prompt the bounded prompt tags of the call, {@code null} when the meters carry
 * no prompt tags
 * @param observation the observation of the call (or one within it), for its trace;
 * {@code null} when unobserved
 */
public record FinishedChatCall(ChatClientRequest request, @Nullable ChatResponse response,
		Map<String, @Nullable Object> responseContext, List<String> answerChunks, ChatOutcome outcome,
		@Nullable Throwable error, CallAttribution attribution, String model, int toolFailures, boolean loopStopped,
		List<String> toolResults, boolean guardrailBlocked, @Nullable CallPrompt prompt,
		Observation.@Nullable ContextView observation) {

	/**
	 * The answer's text, the chunks of a stream joined.
	 * @return the answer, empty when there was none
	 */
	public String answer() {
		return (this.answerChunks.size() == 1) ? this.answerChunks.get(0) : String.join("", this.answerChunks);
	}

	/**
	 * Whether the model stopped at its output-token limit.
	 * @return true when a generation of the response ended with
	 * {@link FinishReason#LENGTH}
	 */
	public boolean truncated() {
		return finishedWith(FinishReason.LENGTH);
	}

	/**
	 * Whether the model stopped for a reason.
	 * @param reason the reason
	 * @return true when a generation of the response ended with it
	 */
	public boolean finishedWith(FinishReason reason) {
		if (this.response == null) {
			return false;
		}
		for (Generation generation : this.response.getResults()) {
			if (FinishReason.of(generation.getMetadata().getFinishReason()) == reason) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The text of a response's generations.
	 * @param response the response, or {@code null}
	 * @return the text, empty when there is none
	 */
	static String text(@Nullable ChatResponse response) {
		if (response == null) {
			return "";
		}
		List<Generation> generations = response.getResults();
		if (generations.size() == 1) {
			String text = generations.get(0).getOutput().getText();
			return (text != null) ? text : "";
		}
		StringBuilder text = new StringBuilder();
		for (Generation generation : generations) {
			String part = generation.getOutput().getText();
			if (part != null) {
				text.append(part);
			}
		}
		return text.toString();
	}

}
