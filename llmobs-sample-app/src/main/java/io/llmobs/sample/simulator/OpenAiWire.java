package io.llmobs.sample.simulator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The subset of OpenAI's chat-completions and embeddings wire format that the simulator
 * answers with.
 */
public final class OpenAiWire {

	private OpenAiWire() {
	}

	/**
	 * A non-streamed chat completion.
	 *
	 * @param id the completion id
	 * @param object always {@code chat.completion}
	 * @param created epoch seconds
	 * @param model the dated model snapshot that answered
	 * @param systemFingerprint the backend configuration
	 * @param choices the single choice
	 * @param usage the token usage
	 */
	public record ChatCompletion(String id, String object, long created, String model,
			@JsonProperty("system_fingerprint") String systemFingerprint, List<Choice> choices, Usage usage) {
	}

	/**
	 * A choice of a non-streamed completion.
	 *
	 * @param index the choice index
	 * @param message the assistant message
	 * @param logprobs always {@code null}
	 * @param finishReason {@code stop}, {@code length} or {@code tool_calls}
	 */
	public record Choice(int index, Message message, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Object logprobs,
			@JsonProperty("finish_reason") String finishReason) {
	}

	/**
	 * An assistant message.
	 *
	 * @param role always {@code assistant}
	 * @param content the text, {@code null} for a tool call
	 * @param refusal always {@code null}
	 * @param toolCalls the tool calls, or {@code null}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Message(String role, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String content,
			@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String refusal,
			@JsonProperty("tool_calls") @Nullable List<ToolCall> toolCalls) {
	}

	/**
	 * A tool call, whole in a completion or in pieces in chunks.
	 *
	 * @param index the position of the call (chunks only)
	 * @param id the call id (first piece only in chunks)
	 * @param type always {@code function} (first piece only in chunks)
	 * @param function the function and its arguments
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ToolCall(@Nullable Integer index, @Nullable String id, @Nullable String type, FunctionCall function) {
	}

	/**
	 * The function of a tool call.
	 *
	 * @param name the function name (first piece only in chunks)
	 * @param arguments the JSON arguments, or a piece of them
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record FunctionCall(@Nullable String name, String arguments) {
	}

	/**
	 * Token usage.
	 *
	 * @param promptTokens input tokens, cached ones included
	 * @param completionTokens output tokens
	 * @param totalTokens input plus output tokens
	 * @param promptTokensDetails the cached share of the input
	 * @param completionTokensDetails the reasoning share of the output
	 */
	public record Usage(@JsonProperty("prompt_tokens") int promptTokens,
			@JsonProperty("completion_tokens") int completionTokens, @JsonProperty("total_tokens") int totalTokens,
			@JsonProperty("prompt_tokens_details") PromptTokensDetails promptTokensDetails,
			@JsonProperty("completion_tokens_details") CompletionTokensDetails completionTokensDetails) {
	}

	/**
	 * Details of the input tokens.
	 *
	 * @param cachedTokens input tokens read from the prompt cache
	 */
	public record PromptTokensDetails(@JsonProperty("cached_tokens") int cachedTokens) {
	}

	/**
	 * Details of the output tokens.
	 *
	 * @param reasoningTokens output tokens spent reasoning
	 */
	public record CompletionTokensDetails(@JsonProperty("reasoning_tokens") int reasoningTokens) {
	}

	/**
	 * One server-sent chunk of a streamed completion.
	 *
	 * @param id the completion id, the same in every chunk
	 * @param object always {@code chat.completion.chunk}
	 * @param created epoch seconds
	 * @param model the dated model snapshot that answered
	 * @param systemFingerprint the backend configuration
	 * @param choices the choice deltas, empty in the usage chunk
	 * @param usage the usage, in the last chunk only
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ChatCompletionChunk(String id, String object, long created, String model,
			@JsonProperty("system_fingerprint") String systemFingerprint, List<ChunkChoice> choices,
			@Nullable Usage usage) {
	}

	/**
	 * A choice delta of a chunk.
	 *
	 * @param index the choice index
	 * @param delta what the chunk adds
	 * @param finishReason {@code null} until the last content chunk
	 */
	public record ChunkChoice(int index, Delta delta, @JsonProperty("finish_reason") @Nullable String finishReason) {
	}

	/**
	 * What a chunk adds to the message.
	 *
	 * @param role {@code assistant} in the first chunk
	 * @param content a piece of the text
	 * @param toolCalls pieces of tool calls
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Delta(@Nullable String role, @Nullable String content,
			@JsonProperty("tool_calls") @Nullable List<ToolCall> toolCalls) {
	}

	/**
	 * An embeddings response.
	 *
	 * @param object always {@code list}
	 * @param data one embedding per input
	 * @param model the embedding model
	 * @param usage the input tokens
	 */
	public record EmbeddingList(String object, List<EmbeddingData> data, String model, EmbeddingUsage usage) {
	}

	/**
	 * One embedding.
	 *
	 * @param object always {@code embedding}
	 * @param index the position of the input
	 * @param embedding the vector: a list of floats, or a base64 string of little-endian
	 * float32 values
	 */
	public record EmbeddingData(String object, int index, Object embedding) {
	}

	/**
	 * Token usage of an embeddings request.
	 *
	 * @param promptTokens input tokens
	 * @param totalTokens the same
	 */
	public record EmbeddingUsage(@JsonProperty("prompt_tokens") int promptTokens,
			@JsonProperty("total_tokens") int totalTokens) {
	}

}
