package io.llmobs.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scripted answer of a {@link StubServer} to one chat request, configured fluently;
 * configure it completely before handing it to {@link StubServer#enqueue}. Tokens are
 * given as OpenAI counts them (prompt tokens include cached ones, completion tokens
 * include reasoning ones) and finish reasons with OpenAI's values; each server writes
 * them in its own wire's shape.
 */
public final class StubResponse {

	private String content;

	private String model;

	private boolean usage = true;

	private long promptTokens = 10;

	private long completionTokens = 5;

	private long cachedTokens;

	private long reasoningTokens;

	private long cacheWriteTokens;

	private String finishReason;

	private final List<ToolCall> toolCalls = new ArrayList<>();

	private Duration delay = Duration.ZERO;

	private int chunks = 3;

	private Duration chunkDelay = Duration.ZERO;

	private int errorStatus;

	private String errorMessage;

	private String errorType;

	private String errorCode;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private StubResponse(String content) {
		this.content = content;
	}

	/**
	 * A successful completion answering {@code content}, with usage 10/5 and finish
	 * reason {@code stop}.
	 */
	public static StubResponse completion(String content) {
		return new StubResponse(Objects.requireNonNull(content, "content"));
	}

	/**
	 * A successful completion whose assistant message calls one function tool (content
	 * null, finish reason {@code tool_calls}).
	 */
	public static StubResponse toolCall(String id, String name, String argumentsJson) {
		return new StubResponse(null).addToolCall(id, name, argumentsJson);
	}

	/**
	 * An OpenAI-style error answer with the given HTTP status and message
	 * ({@code Retry-After: 0} on 429).
	 */
	public static StubResponse error(int status, String message) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("error status must be 4xx or 5xx: " + status);
		}
		StubResponse response = new StubResponse(null);
		response.errorStatus = status;
		response.errorMessage = Objects.requireNonNull(message, "message");
		return response;
	}

	/** Sets the assistant message text ({@code null} for none). */
	public StubResponse content(String content) {
		this.content = content;
		return this;
	}

	/** Sets the {@code model} of the response instead of echoing the request's model. */
	public StubResponse model(String model) {
		this.model = model;
		return this;
	}

	/** Sets the reported prompt and completion tokens (total is their sum). */
	public StubResponse usage(long promptTokens, long completionTokens) {
		this.usage = true;
		this.promptTokens = promptTokens;
		this.completionTokens = completionTokens;
		return this;
	}

	/** Sets {@code usage.prompt_tokens_details.cached_tokens}. */
	public StubResponse cachedTokens(long cachedTokens) {
		this.cachedTokens = cachedTokens;
		return this;
	}

	/** Sets {@code usage.completion_tokens_details.reasoning_tokens}. */
	public StubResponse reasoningTokens(long reasoningTokens) {
		this.reasoningTokens = reasoningTokens;
		return this;
	}

	/**
	 * Sets the prompt tokens written to the provider's cache (Anthropic's
	 * {@code cache_creation_input_tokens}); part of the prompt tokens.
	 */
	public StubResponse cacheWriteTokens(long cacheWriteTokens) {
		this.cacheWriteTokens = cacheWriteTokens;
		return this;
	}

	/** Omits {@code usage} entirely (and the usage chunk when streaming). */
	public StubResponse noUsage() {
		this.usage = false;
		return this;
	}

	/**
	 * Sets the wire finish reason, e.g. {@code stop}, {@code length}, {@code tool_calls},
	 * {@code content_filter}.
	 */
	public StubResponse finishReason(String finishReason) {
		this.finishReason = finishReason;
		return this;
	}

	/** Adds one more function tool call to the assistant message. */
	public StubResponse addToolCall(String id, String name, String argumentsJson) {
		this.toolCalls.add(new ToolCall(id, name, argumentsJson));
		return this;
	}

	/** Waits this long before sending the response status and headers. */
	public StubResponse delay(Duration delay) {
		this.delay = Objects.requireNonNull(delay, "delay");
		return this;
	}

	/**
	 * Splits the streamed content (and each tool call's arguments) into this many chunks;
	 * default 3.
	 */
	public StubResponse chunks(int chunks) {
		if (chunks < 1) {
			throw new IllegalArgumentException("chunks must be at least 1: " + chunks);
		}
		this.chunks = chunks;
		return this;
	}

	/** Waits this long between streamed chunks. */
	public StubResponse chunkDelay(Duration chunkDelay) {
		this.chunkDelay = Objects.requireNonNull(chunkDelay, "chunkDelay");
		return this;
	}

	/** Overrides {@code error.type} of an error response. */
	public StubResponse errorType(String errorType) {
		this.errorType = errorType;
		return this;
	}

	/** Overrides {@code error.code} of an error response. */
	public StubResponse errorCode(String errorCode) {
		this.errorCode = errorCode;
		return this;
	}

	/** Adds an HTTP response header, e.g. a rate-limit header. */
	public StubResponse header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	String contentText() {
		return this.content;
	}

	String model() {
		return this.model;
	}

	boolean hasUsage() {
		return this.usage;
	}

	long promptTokens() {
		return this.promptTokens;
	}

	long completionTokens() {
		return this.completionTokens;
	}

	long cachedTokens() {
		return this.cachedTokens;
	}

	long reasoningTokens() {
		return this.reasoningTokens;
	}

	long cacheWriteTokens() {
		return this.cacheWriteTokens;
	}

	String effectiveFinishReason() {
		if (this.finishReason != null) {
			return this.finishReason;
		}
		return this.toolCalls.isEmpty() ? "stop" : "tool_calls";
	}

	List<ToolCall> toolCalls() {
		return List.copyOf(this.toolCalls);
	}

	Duration delay() {
		return this.delay;
	}

	int chunks() {
		return this.chunks;
	}

	Duration chunkDelay() {
		return this.chunkDelay;
	}

	boolean isError() {
		return this.errorStatus != 0;
	}

	int errorStatus() {
		return this.errorStatus;
	}

	String errorMessage() {
		return this.errorMessage;
	}

	String effectiveErrorType() {
		if (this.errorType != null) {
			return this.errorType;
		}
		return switch (this.errorStatus) {
			case 401 -> "invalid_request_error";
			case 429 -> "requests";
			default -> (this.errorStatus >= 500) ? "server_error" : "invalid_request_error";
		};
	}

	String effectiveErrorCode() {
		if (this.errorCode != null) {
			return this.errorCode;
		}
		return switch (this.errorStatus) {
			case 401 -> "invalid_api_key";
			case 404 -> "model_not_found";
			case 429 -> "rate_limit_exceeded";
			default -> null;
		};
	}

	Map<String, String> headers() {
		return Map.copyOf(this.headers);
	}

	/**
	 * One function tool call of a scripted assistant message.
	 *
	 * @param id the tool call id, e.g. {@code call_1}
	 * @param name the function name
	 * @param argumentsJson the function arguments as a JSON string
	 */
	record ToolCall(String id, String name, String argumentsJson) {
	}

}
