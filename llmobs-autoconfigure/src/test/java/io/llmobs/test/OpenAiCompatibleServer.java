package io.llmobs.test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scriptable local OpenAI-compatible HTTP server (chat completions, streaming,
 * embeddings) for integration tests driving Spring AI's real OpenAI client.
 * <p>
 * A test class that shares one server across its tests registers it as a static
 * extension, which closes it after the last test:
 * {@code @RegisterExtension static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();}.
 */
public final class OpenAiCompatibleServer extends StubServer<OpenAiCompatibleServer> {

	/** Model reported when a request names none. */
	public static final String FALLBACK_MODEL = "gpt-4o-mini";

	/** Size of embedding vectors when the request does not ask for {@code dimensions}. */
	public static final int DEFAULT_EMBEDDING_DIMENSIONS = 8;

	private volatile @Nullable ToLongFunction<RecordedRequest> promptTokenCounter;

	private OpenAiCompatibleServer() {
		super("openai-stub");
	}

	/** Starts a server on an ephemeral port of 127.0.0.1. */
	public static OpenAiCompatibleServer start() {
		return new OpenAiCompatibleServer();
	}

	/**
	 * Base URL to configure as the OpenAI base URL: {@code http://127.0.0.1:<port>/v1}.
	 */
	public String baseUrl() {
		return rootUrl() + "/v1";
	}

	/** The chat completion requests received so far, in arrival order. */
	public List<RecordedRequest> chatRequests() {
		return requests().stream().filter(RecordedRequest::isChatCompletion).toList();
	}

	/** The embeddings requests received so far, in arrival order. */
	public List<RecordedRequest> embeddingRequests() {
		return requests().stream().filter(RecordedRequest::isEmbeddings).toList();
	}

	/**
	 * Reports {@code usage.prompt_tokens} of every chat completion as the counter
	 * computes it from the request, as a provider counts its own tokens, instead of the
	 * stub's fixed value.
	 */
	public OpenAiCompatibleServer promptTokens(ToLongFunction<RecordedRequest> counter) {
		this.promptTokenCounter = counter;
		return this;
	}

	/**
	 * Forgets recorded requests, drops queued responses, the responder and the prompt
	 * token counter.
	 */
	@Override
	public void reset() {
		super.reset();
		this.promptTokenCounter = null;
	}

	/** The deterministic unit vector the server returns for {@code text}. */
	public static float[] embeddingOf(String text, int dimensions) {
		long seed = 0xcbf29ce484222325L;
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			seed = (seed ^ (b & 0xff)) * 0x100000001b3L;
		}
		float[] vector = new float[dimensions];
		double norm = 0;
		for (int i = 0; i < dimensions; i++) {
			long bits = mix(seed + (i + 1) * 0x9e3779b97f4a7c15L);
			double value = ((bits >>> 11) * 0x1.0p-53) * 2 - 1;
			vector[i] = (float) value;
			norm += value * value;
		}
		double length = Math.sqrt(norm);
		for (int i = 0; i < dimensions && length > 0; i++) {
			vector[i] = (float) (vector[i] / length);
		}
		return vector;
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	@Override
	protected boolean isChat(RecordedRequest request) {
		return request.isChatCompletion();
	}

	@Override
	protected void respondOther(HttpExchange exchange, RecordedRequest request) throws IOException {
		if (request.isEmbeddings()) {
			respondEmbeddings(exchange, request);
		}
		else {
			sendError(exchange, 404, "Unknown path " + request.path(), "invalid_request_error", "unknown_url");
		}
	}

	@Override
	protected void respondError(HttpExchange exchange, StubResponse stub) throws IOException {
		sendError(exchange, stub.errorStatus(), stub.errorMessage(), stub.effectiveErrorType(),
				stub.effectiveErrorCode());
	}

	@Override
	protected void sendError(HttpExchange exchange, int status, String message) throws IOException {
		sendError(exchange, status, message, (status >= 500) ? "server_error" : "invalid_request_error", null);
	}

	@Override
	protected void respondChat(HttpExchange exchange, RecordedRequest request, StubResponse stub)
			throws IOException, InterruptedException {
		String id = "chatcmpl-stub" + nextId();
		long created = System.currentTimeMillis() / 1000;
		String model = (stub.model() != null) ? stub.model() : requestModel(request);
		if (request.isStream()) {
			boolean includeUsage = request.body().path("stream_options").path("include_usage").asBoolean(false);
			stream(exchange, stub, id, created, model, includeUsage ? usage(stub, request) : null);
		}
		else {
			ObjectNode completion = envelope(id, "chat.completion", created, model);
			ObjectNode choice = completion.putArray("choices").addObject();
			choice.put("index", 0);
			ObjectNode message = choice.putObject("message");
			message.put("role", "assistant");
			message.put("content", stub.contentText());
			message.putNull("refusal");
			if (!stub.toolCalls().isEmpty()) {
				ArrayNode toolCalls = message.putArray("tool_calls");
				for (StubResponse.ToolCall call : stub.toolCalls()) {
					ObjectNode toolCall = toolCalls.addObject();
					toolCall.put("id", call.id());
					toolCall.put("type", "function");
					ObjectNode function = toolCall.putObject("function");
					function.put("name", call.name());
					function.put("arguments", call.argumentsJson());
				}
			}
			message.putArray("annotations");
			choice.putNull("logprobs");
			choice.put("finish_reason", stub.effectiveFinishReason());
			if (stub.hasUsage()) {
				completion.set("usage", usage(stub, request));
			}
			sendJson(exchange, 200, completion);
		}
	}

	/**
	 * Streams the stub; {@code usage} is the usage chunk's payload when the request asked
	 * for one.
	 */
	private void stream(HttpExchange exchange, StubResponse stub, String id, long created, String model,
			@Nullable ObjectNode usage) throws IOException, InterruptedException {
		boolean includeUsage = usage != null;
		List<ObjectNode> events = new ArrayList<>();
		String content = stub.contentText();
		ObjectNode first = delta(events, id, created, model, includeUsage);
		first.put("role", "assistant");
		first.put("content", (content != null) ? "" : null);
		first.putNull("refusal");
		if (content != null) {
			for (String piece : split(content, stub.chunks())) {
				delta(events, id, created, model, includeUsage).put("content", piece);
			}
		}
		List<StubResponse.ToolCall> toolCalls = stub.toolCalls();
		for (int index = 0; index < toolCalls.size(); index++) {
			StubResponse.ToolCall call = toolCalls.get(index);
			ObjectNode header = delta(events, id, created, model, includeUsage).putArray("tool_calls").addObject();
			header.put("index", index);
			header.put("id", call.id());
			header.put("type", "function");
			ObjectNode function = header.putObject("function");
			function.put("name", call.name());
			function.put("arguments", "");
			for (String piece : split(call.argumentsJson(), stub.chunks())) {
				ObjectNode fragment = delta(events, id, created, model, includeUsage).putArray("tool_calls")
					.addObject();
				fragment.put("index", index);
				fragment.putObject("function").put("arguments", piece);
			}
		}
		delta(events, id, created, model, includeUsage);
		ObjectNode last = events.get(events.size() - 1);
		((ObjectNode) last.get("choices").get(0)).put("finish_reason", stub.effectiveFinishReason());
		if (usage != null && stub.hasUsage()) {
			ObjectNode usageChunk = envelope(id, "chat.completion.chunk", created, model);
			usageChunk.putArray("choices");
			usageChunk.set("usage", usage);
			events.add(usageChunk);
		}

		List<Event> sse = new ArrayList<>(events.size());
		for (ObjectNode event : events) {
			sse.add(new Event(null, event));
		}
		sendEvents(exchange, sse, "[DONE]", stub.chunkDelay());
	}

	private static ObjectNode delta(List<ObjectNode> events, String id, long created, String model,
			boolean includeUsage) {
		ObjectNode chunk = envelope(id, "chat.completion.chunk", created, model);
		ObjectNode choice = chunk.putArray("choices").addObject();
		choice.put("index", 0);
		ObjectNode delta = choice.putObject("delta");
		choice.putNull("logprobs");
		choice.putNull("finish_reason");
		if (includeUsage) {
			chunk.putNull("usage");
		}
		events.add(chunk);
		return delta;
	}

	private static ObjectNode envelope(String id, String object, long created, String model) {
		ObjectNode node = JSON.createObjectNode();
		node.put("id", id);
		node.put("object", object);
		node.put("created", created);
		node.put("model", model);
		node.put("service_tier", "default");
		node.putNull("system_fingerprint");
		return node;
	}

	private ObjectNode usage(StubResponse stub, RecordedRequest request) {
		ToLongFunction<RecordedRequest> counter = this.promptTokenCounter;
		long promptTokens = (counter != null) ? counter.applyAsLong(request) : stub.promptTokens();
		ObjectNode usage = JSON.createObjectNode();
		usage.put("prompt_tokens", promptTokens);
		usage.put("completion_tokens", stub.completionTokens());
		usage.put("total_tokens", promptTokens + stub.completionTokens());
		ObjectNode promptDetails = usage.putObject("prompt_tokens_details");
		promptDetails.put("cached_tokens", stub.cachedTokens());
		promptDetails.put("audio_tokens", 0);
		ObjectNode completionDetails = usage.putObject("completion_tokens_details");
		completionDetails.put("reasoning_tokens", stub.reasoningTokens());
		completionDetails.put("audio_tokens", 0);
		completionDetails.put("accepted_prediction_tokens", 0);
		completionDetails.put("rejected_prediction_tokens", 0);
		return usage;
	}

	private void respondEmbeddings(HttpExchange exchange, RecordedRequest request) throws IOException {
		JsonNode body = request.body();
		List<String> inputs = new ArrayList<>();
		long tokens = 0;
		JsonNode input = body.path("input");
		List<JsonNode> items = new ArrayList<>();
		if (input.isArray() && !input.isEmpty() && !input.get(0).isNumber()) {
			input.forEach(items::add);
		}
		else {
			items.add(input);
		}
		for (JsonNode item : items) {
			if (item.isArray()) {
				StringBuilder text = new StringBuilder();
				item.forEach((token) -> text.append(token.asLong()).append(' '));
				inputs.add(text.toString().trim());
				tokens += item.size();
			}
			else {
				String text = item.asString("");
				inputs.add(text);
				tokens += Math.max(1, text.isBlank() ? 0 : text.trim().split("\\s+").length);
			}
		}
		int dimensions = body.path("dimensions").asInt(DEFAULT_EMBEDDING_DIMENSIONS);
		boolean base64 = "base64".equals(body.path("encoding_format").asString(""));

		ObjectNode response = JSON.createObjectNode();
		response.put("object", "list");
		ArrayNode data = response.putArray("data");
		for (int i = 0; i < inputs.size(); i++) {
			float[] vector = embeddingOf(inputs.get(i), dimensions);
			ObjectNode embedding = data.addObject();
			embedding.put("object", "embedding");
			embedding.put("index", i);
			if (base64) {
				ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
				for (float value : vector) {
					buffer.putFloat(value);
				}
				embedding.put("embedding", Base64.getEncoder().encodeToString(buffer.array()));
			}
			else {
				ArrayNode values = embedding.putArray("embedding");
				for (float value : vector) {
					values.add(value);
				}
			}
		}
		response.put("model", requestModel(request));
		ObjectNode usage = response.putObject("usage");
		usage.put("prompt_tokens", tokens);
		usage.put("total_tokens", tokens);
		sendJson(exchange, 200, response);
	}

	private void sendError(HttpExchange exchange, int status, String message, String type, @Nullable String code)
			throws IOException {
		ObjectNode body = JSON.createObjectNode();
		ObjectNode error = body.putObject("error");
		error.put("message", message);
		error.put("type", type);
		error.putNull("param");
		error.put("code", code);
		sendJson(exchange, status, body);
	}

	private static String requestModel(RecordedRequest request) {
		String model = request.model();
		return (model != null && !model.isEmpty()) ? model : FALLBACK_MODEL;
	}

}
